/** The beginner's mistakes, reproduced on purpose for notebook 6 (with lib's checks bypassed). */
package org.cnnbook.clinic;
