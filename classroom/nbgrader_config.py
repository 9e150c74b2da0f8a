"""nbgrader's configuration for the course that `make assignments` builds (classroom/course.py copies this file into
the course directory, build/course by default). Run nbgrader commands from that directory."""
import os

c = get_config()  # noqa: F821 (nbgrader provides it)

c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "cnnbook"

# Java: the student's version gets this line where the teacher's solution was (between // BEGIN SOLUTION and
# // END SOLUTION); the kernelspec's language ('java') picks it.
c.ClearSolutions.code_stub = {"java": "// YOUR CODE HERE"}

# Autograding: a cell that runs longer than this is interrupted and the notebook graded on (an endless loop
# costs the student that cell's points, not the batch).
c.Execute.timeout = int(os.environ.get("CNNBOOK_GRADING_CELL_TIMEOUT", "120"))
c.Execute.interrupt_on_timeout = True
c.Execute.kernel_name = "java"

# Where assignments are handed out and collected: the class's exchange, which every student's server uses too
# (classroom/student_server/nbgrader_config.py). By default build/classroom/exchange, next to build/course, where
# make classroom keeps the class; CNNBOOK_EXCHANGE names another.
c.Exchange.root = os.environ.get("CNNBOOK_EXCHANGE") or os.path.join(os.path.dirname(c.CourseDirectory.root),
                                                                      "classroom", "exchange")
