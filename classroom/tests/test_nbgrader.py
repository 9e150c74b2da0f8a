"""nbgrader for real, with the series' first assignment and this project's Java kernel: the teacher's version has the
solution and graded checks, the student's version the stub; autograding gives a correct submission full marks, a
wrong one loses exactly its check's points with the check's message as feedback, an endless loop is stopped by the
timeout and graded, System.exit scores 0 for its cell without ending the batch, and a file that is not a notebook
is refused with a clear message while the others are graded; `nbgrader validate` answers a student."""
import json
import os
import shutil
import subprocess
import sys

import nbformat
import pytest

import course

nbgrader_api = pytest.importorskip("nbgrader.api", reason="nbgrader is not installed (make setup puts it into .venv)")

ASSIGNMENT = "01-loading-mnist"
NOTEBOOK = ASSIGNMENT + ".ipynb"
LIB = os.path.join(course.ROOT, "lib", "target")
ENV = course.nbgrader_env({"CNNBOOK_LIB": LIB, "DATASET_LIMIT": "2000", "MAX_EPOCH": "1",
                           "CNNBOOK_GRADING_CELL_TIMEOUT": "20"})


def nbgrader(course_dir, *args, check=True):
    run = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=ENV,
                         capture_output=True, text=True, timeout=900)
    if check:
        assert run.returncode == 0, run.stdout + run.stderr
    return run


@pytest.fixture(scope="module")
def course_dir(tmp_path_factory):
    out = str(tmp_path_factory.mktemp("course"))
    assert course.build(out, only=["01"]) == [ASSIGNMENT]
    return out


def exercise_cells(notebook):
    return [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("solution")]


def test_the_student_version_has_the_stub_and_the_teacher_version_the_solution(course_dir):
    answer = teachers_answer()
    source = nbformat.read(os.path.join(course_dir, "source", ASSIGNMENT, NOTEBOOK), as_version=4)
    release = nbformat.read(os.path.join(course_dir, "release", ASSIGNMENT, NOTEBOOK), as_version=4)
    assert answer["solution"] in exercise_cells(source)[0].source
    student = exercise_cells(release)[0].source
    assert "// YOUR CODE HERE" in student and answer["solution"] not in student and "BEGIN SOLUTION" not in student
    graded = [c for c in release.cells if c.metadata.get("nbgrader", {}).get("grade")]
    assert len(graded) == 1 and "Checks." in graded[0].source
    assert os.path.exists(os.path.join(course_dir, "release", ASSIGNMENT, "prelude.jsh"))


def teachers_answer():
    """The solution and the typical wrong answer of the notebook's exercise (notebooks/teacher/solutions.json)."""
    notebook = nbformat.read(os.path.join(course.run_series.HERE, NOTEBOOK), as_version=4)
    exercise = next(c.id for c in notebook.cells if "exercise" in c.metadata.get("tags", []))
    return course.run_series.solutions()[NOTEBOOK][exercise]


def submit(course_dir, student, code=None, raw=None):
    """Student `student` hands in the released notebook with `code` in the exercise (or the bytes `raw`)."""
    folder = os.path.join(course_dir, "submitted", student, ASSIGNMENT)
    os.makedirs(folder, exist_ok=True)
    shutil.copy(os.path.join(course_dir, "release", ASSIGNMENT, "prelude.jsh"), folder)
    path = os.path.join(folder, NOTEBOOK)
    if raw is not None:
        with open(path, "w") as f:
            f.write(raw)
        return path
    notebook = nbformat.read(os.path.join(course_dir, "release", ASSIGNMENT, NOTEBOOK), as_version=4)
    cell = exercise_cells(notebook)[0]
    cell.source = cell.source.replace("// YOUR CODE HERE", code)
    nbformat.write(notebook, path)
    return path


@pytest.fixture(scope="module")
def graded(course_dir):
    answer = teachers_answer()
    submit(course_dir, "alice", answer["solution"])
    submit(course_dir, "bob", answer["wrong"])
    submit(course_dir, "carol", "while (true) { }   // never ends")
    submit(course_dir, "dave", "System.exit(1);")
    submit(course_dir, "erin", raw="these are my answers, sorry, not a notebook\n")
    run = nbgrader(course_dir, "autograde", ASSIGNMENT, "--force", check=False)
    nbgrader(course_dir, "generate_feedback", ASSIGNMENT, "--force", check=False)
    gradebook = nbgrader_api.Gradebook("sqlite:///" + os.path.join(course_dir, "gradebook.db"))
    scores = {}
    for student in ("alice", "bob", "carol", "dave", "erin"):
        try:
            submission = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
            scores[student] = (submission.score, submission.max_score)
        except nbgrader_api.MissingEntry:
            scores[student] = None
    gradebook.close()
    return scores, run.stdout + run.stderr


def feedback(course_dir, student):
    path = os.path.join(course_dir, "feedback", student, ASSIGNMENT, ASSIGNMENT + ".html")
    return open(path, encoding="utf-8").read()


def test_a_correct_submission_gets_full_marks(graded):
    scores, log = graded
    assert scores["alice"] == (1.0, 1.0), log


def test_a_wrong_submission_loses_its_checks_points_with_the_checks_message(course_dir, graded):
    scores, log = graded
    assert scores["bob"] == (0.0, 1.0), log
    assert "Not yet" in feedback(course_dir, "bob")


def test_an_endless_loop_is_stopped_by_the_timeout_and_graded(course_dir, graded):
    scores, log = graded
    assert scores["carol"] == (0.0, 1.0), log
    assert "Evaluation interrupted" in feedback(course_dir, "carol") or "timed out" in feedback(course_dir, "carol").lower()


def test_system_exit_scores_zero_for_its_cell_and_the_batch_goes_on(course_dir, graded):
    scores, log = graded
    assert scores["dave"] == (0.0, 1.0), log
    assert "would end the kernel" in feedback(course_dir, "dave")
    assert scores["alice"] == (1.0, 1.0), "the students graded after dave still are"


def test_a_file_that_is_not_a_notebook_is_refused_clearly_and_the_others_are_graded(graded):
    scores, log = graded
    assert scores["erin"] in (None, (0.0, 1.0)), "nothing to grade: no points"
    assert "Notebook does not appear to be JSON" in log and "for student 'erin'" in log, log
    assert scores["alice"] == (1.0, 1.0) and scores["bob"] == (0.0, 1.0), "the others are graded"


def test_nbgrader_validate_tells_a_student_whether_the_checks_pass(course_dir, graded):
    good = nbgrader(course_dir, "validate", os.path.join("submitted", "alice", ASSIGNMENT, NOTEBOOK), check=False)
    assert "Success" in good.stdout, good.stdout + good.stderr
    bad = nbgrader(course_dir, "validate", os.path.join("submitted", "bob", ASSIGNMENT, NOTEBOOK), check=False)
    assert "Not yet" in bad.stdout and "Success" not in bad.stdout, bad.stdout + bad.stderr


# Notebook 5's exercises change a network and train it; notebook 7's diagnosis is graded by a hidden test only.
LEARNING = "05-how-a-network-learns"
CLINIC = "07-clinic-below-10-percent"


def answers_of(assignment):
    return course.run_series.solutions()[assignment + ".ipynb"]


def submit_answers(course_dir, assignment, student, kind):
    """`student` hands in `assignment` with every exercise answered by the teacher's file's `kind` ("solution" or
    "wrong")."""
    folder = os.path.join(course_dir, "submitted", student, assignment)
    os.makedirs(folder, exist_ok=True)
    shutil.copy(os.path.join(course_dir, "release", assignment, "prelude.jsh"), folder)
    notebook = nbformat.read(os.path.join(course_dir, "release", assignment, assignment + ".ipynb"), as_version=4)
    answers = answers_of(assignment)
    for cell in exercise_cells(notebook):
        exercise = cell.metadata["nbgrader"]["grade_id"].removeprefix("exercise-")
        cell.source = cell.source.replace("// YOUR CODE HERE", answers[exercise][kind])
    path = os.path.join(folder, assignment + ".ipynb")
    nbformat.write(notebook, path)
    return path


@pytest.fixture(scope="module")
def graded_changes(tmp_path_factory):
    """Notebooks 5 and 7 as assignments, each handed in by alice (the solutions) and bob (the typical wrong answers),
    autograded; the scores per assignment and student."""
    out = str(tmp_path_factory.mktemp("course-changes"))
    assert course.build(out, only=["05", "07"]) == [LEARNING, CLINIC]
    scores = {}
    for assignment in (LEARNING, CLINIC):
        submit_answers(out, assignment, "alice", "solution")
        submit_answers(out, assignment, "bob", "wrong")
        nbgrader(out, "autograde", assignment, "--force", check=False)
    gradebook = nbgrader_api.Gradebook("sqlite:///" + os.path.join(out, "gradebook.db"))
    for assignment in (LEARNING, CLINIC):
        for student in ("alice", "bob"):
            submission = gradebook.find_submission_notebook(assignment, assignment, student)
            scores[assignment, student] = (submission.score, submission.max_score)
    gradebook.close()
    return out, scores


def test_the_exercises_that_train_a_network_are_graded(graded_changes):
    _, scores = graded_changes
    assert scores[LEARNING, "alice"] == (3.0, 3.0)
    assert scores[LEARNING, "bob"] == (0.0, 3.0), "sigmoid by default, SGD for Adam, Keras' rate as DL4J's p"


def test_a_hidden_test_grades_what_the_students_own_check_does_not_show(graded_changes):
    out, scores = graded_changes
    release = nbformat.read(os.path.join(out, "release", CLINIC, CLINIC + ".ipynb"), as_version=4)
    source = nbformat.read(os.path.join(out, "source", CLINIC, CLINIC + ".ipynb"), as_version=4)
    hidden = answers_of(CLINIC)["cell-ex3"]["hidden"]
    assert any(hidden in c.source and "BEGIN HIDDEN TESTS" in c.source for c in source.cells)
    assert not any(hidden in c.source for c in release.cells), "the student's version has no hidden test"
    student_check = nbgrader(out, "validate", os.path.join("submitted", "bob", CLINIC, CLINIC + ".ipynb"), check=False)
    assert "Success" in student_check.stdout, "bob's fix works, so his own check passes"
    assert scores[CLINIC, "alice"] == (1.0, 1.0)
    assert scores[CLINIC, "bob"] == (0.0, 1.0), "the hidden test finds the wrong diagnosis"
