/** The series' networks as DL4J configurations (the beginner's, the corrected one, LeNet), checks that explain a broken model, and saving and loading. */
package org.cnnbook.model;
