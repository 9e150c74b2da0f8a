/** The self-checks of the notebooks' exercises: ✓ for a right answer, an error with ✗, what was expected and a hint otherwise. */
package org.cnnbook.exercises;
