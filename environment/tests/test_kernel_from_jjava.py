"""What IJava's successor JJava has, in this kernel too, over ZeroMQ: %time / %%time, Tab on magic names, JJAVA_*
settings beside IJAVA_*, and JJava's extension mechanism (a library compiled against JJava's API registers its
renderers here as it does there)."""
import glob
import os
import shutil
import subprocess
import textwrap

import pytest

from kernel_session import KernelSession, drain


@pytest.fixture(scope="module")
def kernel():
    session = KernelSession()
    yield session
    session.close()


def results(outputs):
    return [c["data"] for t, c in outputs if t == "execute_result"]


def displayed_text(outputs):
    return "\n".join(c["data"].get("text/plain", "") for t, c in outputs if t == "display_data")


def test_time_shows_the_timing_and_gives_back_the_value(kernel):
    reply, outputs = kernel.execute('%time String.join("-", "a b", "c")')
    assert reply["status"] == "ok", outputs
    assert results(outputs)[0]["text/plain"] == "a b-c", "the code as written, quotes and spaces kept"
    timing = displayed_text(outputs)
    assert "CPU times: user " in timing and ", total " in timing and "Wall time: " in timing, timing


def test_time_in_an_assignment_and_as_a_cell_magic(kernel):
    reply, _ = kernel.execute("int product = %time 6 * 7;\nint more = product + 1;")
    assert reply["status"] == "ok"
    reply, outputs = kernel.execute("more")
    assert results(outputs)[0]["text/plain"] == "43"
    reply, outputs = kernel.execute("%%time\nint sum = 0;\nfor (int i = 1; i <= 100; i++) sum += i;\nsum")
    assert reply["status"] == "ok", outputs
    assert results(outputs)[0]["text/plain"] == "5050"
    assert "Wall time: " in displayed_text(outputs)


def complete(kernel, code):
    drain(kernel.client)
    reply = kernel.client.complete(code, len(code), reply=True, timeout=30)["content"]
    return reply["matches"], reply["cursor_start"], reply["cursor_end"]


def test_tab_completes_magic_names(kernel):
    assert complete(kernel, "%cl") == (["%classpath"], 0, 3)
    matches, _, _ = complete(kernel, "%%")
    assert "%%time" in matches and "%%loadFromPOM" in matches and all(m.startswith("%%") for m in matches)
    matches, start, end = complete(kernel, "int a = 1;\n%ti")
    assert (matches, start, end) == (["%time"], 11, 14), "a magic on a later line"
    matches, _, _ = complete(kernel, "Strin")
    assert "String" in matches, "Java itself still completes"


def test_jjavas_variable_names_are_read_beside_ijavas(tmp_path):
    classes = tmp_path / "classes"
    source = tmp_path / "FromJJava.java"
    source.write_text("package settings; public class FromJJava { public static int answer() { return 42; } }")
    subprocess.run([shutil.which("javac"), "-d", str(classes), str(source)], check=True)
    session = KernelSession(JJAVA_CLASSPATH=str(classes), JJAVA_STARTUP_SCRIPT="int fromStartup = 7;",
                            JJAVA_TIMEOUT="2 SECONDS")
    try:
        reply, outputs = session.execute("settings.FromJJava.answer() + fromStartup")
        assert reply["status"] == "ok", outputs
        assert results(outputs)[0]["text/plain"] == "49"
        reply, _ = session.execute("Thread.sleep(10_000);")
        assert reply["status"] == "error", "JJAVA_TIMEOUT stops the cell"
    finally:
        session.close()


def jjava_api_jar():
    found = glob.glob(os.path.expanduser("~/.m2/repository/org/dflib/jjava/jjava-jupyter/1.0-a6/jjava-jupyter-1.0-a6.jar"))
    assert found, "jjava-jupyter 1.0-a6 is missing from ~/.m2: make lib resolves it (lib's provided dependency)"
    return found[0]


@pytest.fixture(scope="module")
def library_written_for_jjava(tmp_path_factory):
    """A jar compiled against JJava's API alone: a Greeting type and an Extension that renders it as HTML."""
    root = tmp_path_factory.mktemp("jjava-library")
    sources = root / "src" / "demo"
    sources.mkdir(parents=True)
    (sources / "Greeting.java").write_text(textwrap.dedent("""\
        package demo;
        public record Greeting(String who) {}
        """))
    (sources / "GreetingExtension.java").write_text(textwrap.dedent("""\
        package demo;
        import org.dflib.jjava.jupyter.Extension;
        import org.dflib.jjava.jupyter.kernel.BaseKernel;
        import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
        public class GreetingExtension implements Extension {
            public void install(BaseKernel kernel) {
                kernel.getRenderer().createRegistration(Greeting.class)
                        .preferring(MIMEType.TEXT_HTML).supporting(MIMEType.TEXT_PLAIN)
                        .register((greeting, context) -> {
                            context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<b>Hello, " + greeting.who() + "</b>");
                            context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "Hello, " + greeting.who());
                        });
            }
        }
        """))
    classes = root / "classes"
    subprocess.run([shutil.which("javac"), "--release", "17", "-cp", jjava_api_jar(), "-d", str(classes),
                    str(sources / "Greeting.java"), str(sources / "GreetingExtension.java")], check=True)
    services = classes / "META-INF" / "services"
    services.mkdir(parents=True)
    (services / "org.dflib.jjava.jupyter.Extension").write_text("demo.GreetingExtension\n")
    jar = root / "greeting.jar"
    subprocess.run([shutil.which("jar"), "cf", str(jar), "-C", str(classes), "."], check=True)
    return jar


def test_a_library_written_for_jjava_renders_its_type_here(library_written_for_jjava):
    session = KernelSession()
    try:
        reply, _ = session.execute(f"%classpath {library_written_for_jjava}")
        assert reply["status"] == "ok"
        _, outputs = session.execute('new demo.Greeting("MNIST")')
        assert results(outputs)[0]["text/html"] == "<b>Hello, MNIST</b>"
        assert results(outputs)[0]["text/plain"] == "Hello, MNIST"
    finally:
        session.close()


def test_jjava_load_extensions_0_leaves_them_out(library_written_for_jjava):
    session = KernelSession(JJAVA_LOAD_EXTENSIONS="0")
    try:
        session.execute(f"%classpath {library_written_for_jjava}")
        _, outputs = session.execute('new demo.Greeting("MNIST")')
        assert "text/html" not in results(outputs)[0]
        assert results(outputs)[0]["text/plain"] == 'Greeting[who=MNIST]'
    finally:
        session.close()
