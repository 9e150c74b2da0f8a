#!/usr/bin/env python3
"""The JDKs on this machine that can run the kernel (17 or newer, with jdk.jshell), for testing on more than one.

  python3 environment/jdks.py            lists them, and names the LTS versions that are not present
  python3 environment/jdks.py --newest   prints the newest one's home if it is newer than the kernel's own JDK
                                         (the one installed with the kernelspec); prints nothing otherwise

Looks in /usr/lib/jvm, /opt/java, JAVA_HOME, IJAVA_JAVA_HOME and the java on PATH; CNNBOOK_JDKS (homes separated
by ':') adds more. Standard library only: it runs before the project's venv exists.
"""
import glob
import os
import re
import shutil
import sys

SUPPORTED_LTS = (17, 21, 25)


def release_of(home):
    """(version, modules) from a Java home's release file, or None when it is not a Java home."""
    try:
        with open(os.path.join(home, "release")) as f:
            text = f.read()
    except OSError:
        return None
    version = re.search(r'^JAVA_VERSION="([^"]+)"', text, re.M)
    modules = re.search(r'^MODULES="([^"]*)"', text, re.M)
    if not version or not os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return None
    return version.group(1), (modules.group(1).split() if modules else [])


def version_of(home):
    """The JAVA_VERSION of a Java home (e.g. '25.0.3'), or None."""
    release = release_of(home)
    return release[0] if release else None


def java_home_on_path():
    """The Java home of the `java` on PATH (symlinks resolved), or None."""
    java = shutil.which("java")
    return os.path.dirname(os.path.dirname(os.path.realpath(java))) if java else None


def major(version):
    parts = version.split(".")
    return int(parts[1] if parts[0] == "1" else re.match(r"\d+", parts[0]).group())


def candidate_homes():
    homes = glob.glob("/usr/lib/jvm/*") + glob.glob("/opt/java/*")
    homes += [os.environ.get(name) for name in ("JAVA_HOME", "IJAVA_JAVA_HOME")]
    homes += os.environ.get("CNNBOOK_JDKS", "").split(":")
    homes.append(java_home_on_path())
    return homes


def kernel_capable_jdks():
    """{real home: version} of every JDK 17+ with jdk.jshell, each installation once (symlinks resolved)."""
    found = {}
    for home in candidate_homes():
        if not home:
            continue
        real = os.path.realpath(home)
        release = release_of(real)
        if release and major(release[0]) >= 17 and "jdk.jshell" in release[1]:
            found[real] = release[0]
    return found


def default_jdk():
    """The JDK the installed kernelspec records, else the one on PATH."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        recorded = os.path.join(KernelSpecManager().get_kernel_spec("java").resource_dir, "java-home")
        with open(recorded) as f:
            return os.path.realpath(f.read().strip())
    except Exception:
        return java_home_on_path()


def newest_beyond_default(jdks, default):
    if not jdks:
        return None
    newest = max(jdks, key=lambda home: major(jdks[home]))
    base = (version_of(default) if default else None) or "0"
    return newest if major(jdks[newest]) > major(base) else None


def report(jdks):
    lines = [f"  JDK {version:10} {home}" for home, version in sorted(jdks.items(), key=lambda kv: major(kv[1]))]
    present = {major(v) for v in jdks.values()}
    missing = [str(v) for v in SUPPORTED_LTS if v not in present]
    if missing:
        lines.append(f"  not present on this machine: JDK {', '.join(missing)} (not tested here)")
    return "\n".join(lines)


def main(argv):
    jdks = kernel_capable_jdks()
    if "--newest" in argv:
        newest = newest_beyond_default(jdks, default_jdk())
        print(newest or "")
        if not newest:
            print("[jdks] No JDK newer than the kernel's own is present: the newest-JDK runs are not made.\n"
                  + report(jdks), file=sys.stderr)
        return
    print(report(jdks) or "  no JDK 17+ with jdk.jshell found")


if __name__ == "__main__":
    main(sys.argv[1:])
