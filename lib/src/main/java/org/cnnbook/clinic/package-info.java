/** The beginner's mistakes, reproduced on purpose for notebook 7 (with lib's checks bypassed). */
package org.cnnbook.clinic;
