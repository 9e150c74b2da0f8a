"""nbgrader's configuration in every student's server (the hub puts this folder on JUPYTER_CONFIG_PATH): the
Assignments tab fetches from and submits to the class's exchange, the one the teacher releases into
(CNNBOOK_EXCHANGE; classroom/nbgrader_config.py on the teacher's side)."""
import os

c = get_config()  # noqa: F821 (nbgrader provides it)

if os.environ.get("CNNBOOK_EXCHANGE"):
    c.Exchange.root = os.environ["CNNBOOK_EXCHANGE"]
c.CourseDirectory.course_id = "cnnbook"
# nbgrader names a submission after the server's Unix user; the demo spawner (and z2jh's image) runs every
# student's server as the same user, so without this every submission would be that user's and `nbgrader collect`
# would keep one. Not in the teacher's server: there, the id would limit the formgrader's collect to the teacher.
login = os.environ.get("JUPYTERHUB_USER")
if login and login != os.environ.get("CNNBOOK_TEACHER", "teacher"):
    c.CourseDirectory.student_id = login
