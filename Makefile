# The two commands people need:
#   make run    executes the notebook series headless into build/notebooks and build/html
#   make test   runs every test (Java, kernel, notebooks, classroom)
# Both install what is missing first (Jupyter, the Java kernel, lib/ and MNIST) and are safe to re-run.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON = $(shell environment/find-python.sh)
JAVACPP_PLATFORM := $(shell environment/javacpp-platform.sh)
MVN := mvn -B -ntp -Djavacpp.platform=$(JAVACPP_PLATFORM)
KERNEL_JAR := environment/kernel/target/java-kernel.jar
PYTEST = $(PYTHON) -m pytest -p no:cacheprovider -v
# The project's own kernels come first for every command here (make run, lab, test, classroom): another kernel named
# 'java' (JJava's wheel puts one into the virtualenv, where Jupyter looks before the user's) cannot replace ours
PROJECT_JUPYTER := $(CURDIR)/build/jupyter
export JUPYTER_PATH := $(PROJECT_JUPYTER)$(if $(JUPYTER_PATH),:$(JUPYTER_PATH))

.PHONY: help setup jupyter kernel which-kernel lib data test test-java test-kernel test-notebooks test-classroom load-test run lab classroom classroom-demo classroom-image assignments autograde bench bench-conv bench-pad seeds kernels-report lock digits clean

help:
	@echo "make run    - execute every notebook (full mode) into build/notebooks and an HTML book in build/html"
	@echo "make test   - run all tests (JUnit, kernel conformance and end-to-end, notebooks as a quick run)"
	@echo "make setup  - install Jupyter, build and install the Java kernel, build lib/, fetch MNIST"
	@echo "make lab    - start JupyterLab (or the classic Notebook) on 127.0.0.1 in notebooks/"
	@echo "make load-test - a class of 20 (STUDENTS=n) running notebooks 01-04 at once on one hub (~17 min)"
	@echo "make classroom   - JupyterHub for a class on 127.0.0.1: one container per student (see docs/teaching.md)"
	@echo "make classroom-demo - the same hub for one person's laptop: shared password, no containers"
	@echo "make classroom-image - the students' image (classroom/Dockerfile), also for docker run on a laptop"
	@echo "make autograde ASSIGNMENT=01-loading-mnist - nbgrader autograde of build/course in a container (after collect)"
	@echo "make assignments - the nbgrader course in build/course: teacher's and students' versions"
	@echo "make bench  - DL4J vs PyTorch 2 (as written, tuned, and bf16 where the CPU has it), Keras 3 and DJL on the same CNN, 3 epochs (~20-40 min; installs .venv-bench)"
	@echo "make bench-conv - kill test of lib's direct oneDNN 2.5.2 binding: conv2 against libnd4j and PyTorch (~2 min)"
	@echo "make bench-pad - notebook 8's drawing pad: stroke end to bars painted, in JupyterLab in Chromium (~3 min)"
	@echo "make seeds  - notebook 6's training with 5 seeds, lib's and DL4J's layers: min/mean/max test accuracy (~1 h)"
	@echo "make kernels-report - the kernel tests on ours and on JJava 1.0a8, one by one, into docs/kernels.md (~15 min)"
	@echo "make digits - draw notebook 8's hand-made digits again (notebooks/digits)"
	@echo "make lock   - re-pin environment/ and bench/requirements.lock (with hashes) from their requirements.in"
	@echo "make clean  - remove build outputs (keeps the MNIST cache in data/)"

setup: jupyter kernel lib data

# The project's Python (.venv) with Jupyter and the test tools, pinned by environment/requirements.lock
jupyter:
	@environment/setup-python.sh

# The jars are rebuilt only when a source or pom changed since (make's own timestamps; a second `make run` skips Maven)
KERNEL_SOURCES := $(shell find environment/kernel/src environment/kernel/pom.xml pom.xml -type f 2>/dev/null)
LIB_JAR := lib/target/cnnbook-lib.jar
LIB_SOURCES := $(shell find lib/src/main lib/pom.xml pom.xml -type f 2>/dev/null)

kernel: jupyter $(KERNEL_JAR)
	@echo "[setup] Installing the kernelspec 'java' for this user and in build/jupyter (JDK: IJAVA_JAVA_HOME, else JAVA_HOME, else PATH)"
	@$(PYTHON) environment/install_kernel.py --jar $(KERNEL_JAR) --project-path $(PROJECT_JUPYTER)

# Where the kernel named 'java' that the project's commands start lives (the coexistence test asks)
which-kernel:
	@$(PYTHON) -c "from jupyter_client.kernelspec import KernelSpecManager as M; print(M().get_kernel_spec('java').resource_dir)"

$(KERNEL_JAR): $(KERNEL_SOURCES)
	@echo "[setup] Building the Java kernel (environment/kernel)"
	@$(MVN) -q -pl environment/kernel -am package -DskipTests
	@touch $@

lib: $(LIB_JAR)
	@echo "[setup] lib/ is built: $(LIB_JAR) and its runtime jars in lib/target/lib"

$(LIB_JAR): $(LIB_SOURCES)
	@echo "[setup] Building lib/ with its runtime jars in lib/target/lib (platform $(JAVACPP_PLATFORM); first time ~300 MB)"
	@$(MVN) -q -pl lib -am package -DskipTests
	@touch $@

data: lib
	@echo "[setup] MNIST (SHA-256 verified)"
	@java -cp "lib/target/classes:lib/target/lib/*" org.cnnbook.data.FetchMnist

test: setup test-java test-kernel test-notebooks test-classroom

test-java:
	@echo "[test] JUnit 5: kernel, lib and bench"
	@$(MVN) test
	@echo "[test] Format (spotless) and checkstyle"
	@$(MVN) -q spotless:check checkstyle:check
	@echo "[test] No package cycles in lib and bench (jdeps)"
	@$(PYTHON) environment/check_package_cycles.py lib/target/classes bench/target/classes

# The newest JDK on the machine beyond the kernel's own (environment/jdks.py); tests run again there.
NEWEST_JDK = $$($(PYTHON) environment/jdks.py --newest)

test-kernel: kernel lib
	@echo "[test] Kernel: jupyter_kernel_test conformance, end-to-end over ZeroMQ, nbconvert"
	@$(PYTEST) environment/tests
	@newest=$(NEWEST_JDK); if [ -n "$$newest" ]; then \
	  echo "[test] Kernel conformance again on the newest JDK: $$newest"; \
	  IJAVA_JAVA_HOME=$$newest $(PYTEST) environment/tests/test_kernel_conformance.py environment/tests/test_jdk.py; fi

test-notebooks: setup
	@environment/setup-browser.sh
	@echo "[test] Notebooks: every notebook as a quick run (DATASET_LIMIT, MAX_EPOCH), then in a headless browser, then the HTML book"
	@$(PYTEST) notebooks/tests
	@newest=$(NEWEST_JDK); if [ -n "$$newest" ]; then \
	  echo "[test] Notebooks again as a quick run on the newest JDK: $$newest"; \
	  IJAVA_JAVA_HOME=$$newest $(PYTEST) notebooks/tests/test_notebooks.py; fi
	@environment/setup-jjava.sh
	@echo "[test] Notebooks again as a quick run on JJava 1.0a8 (IJava's successor, from PyPI)"
	@CNNBOOK_KERNEL=jjava JUPYTER_PATH=$(CURDIR)/build/jjava/jupyter:$$JUPYTER_PATH $(PYTEST) notebooks/tests/test_notebooks.py

# The load test's class size in make test: 10 keeps CI within its hour; `make load-test` runs the class of 20 that
# docs/teaching.md's sizing is measured with (issue 13's goal on this 2-core machine); 0 leaves it out
CNNBOOK_LOAD_STUDENTS ?= 10
export CNNBOOK_LOAD_STUDENTS

test-classroom: setup
	@echo "[test] Classroom: nbgrader with the Java kernel, JupyterHub, a container per student and the attacks on it (load test: $(CNNBOOK_LOAD_STUDENTS) students)"
	@$(PYTEST) classroom/tests
	@if [ -f build/classroom/load-report.json ]; then echo "[test] Classroom load: $$(tr -d '\n ' < build/classroom/load-report.json)"; fi

# The full class of docs/teaching.md's sizing table: STUDENTS (default 20) students run notebooks 01-04 at once (~17 min)
load-test: setup
	@echo "[test] Classroom load test: $(or $(STUDENTS),20) students, a container each, run notebooks 01-04 at once on one hub"
	@CNNBOOK_LOAD_STUDENTS=$(or $(STUDENTS),20) $(PYTEST) classroom/tests/test_containers.py -k class_in_containers
	@echo "[test] Classroom load: $$(tr -d '\n ' < build/classroom/load-report.json)"

run: setup
	@$(PYTHON) notebooks/run_series.py --out build

lab: setup
	@environment/start-lab.sh

classroom: setup
	@[ "$$(id -u)" = 0 ] || { echo "[classroom] a class with one container per student runs the hub as root (it starts" \
	  "the containers and gives each home to its student's uid): run make classroom as root, or make classroom-demo" \
	  "for one person" >&2; exit 1; }
	@$(PYTHON) classroom/prepare.py
	@$(PYTHON) classroom/image.py
	@CNNBOOK_CLASSROOM_MODE=containers classroom/start-hub.sh

classroom-demo: setup
	@$(PYTHON) classroom/prepare.py
	@CNNBOOK_CLASSROOM_MODE=demo classroom/start-hub.sh

classroom-image: setup
	@$(PYTHON) classroom/image.py

assignments: setup
	@$(PYTHON) classroom/course.py --out build/course

autograde: setup
	@$(PYTHON) classroom/autograde.py $(or $(ASSIGNMENT),$(error ASSIGNMENT=... names the assignment, e.g. 01-loading-mnist))

kernels-report: kernel
	@environment/setup-jjava.sh
	@echo "[kernels] The kernel tests, one at a time, on ours and on JJava 1.0a8 (JJava's results are recorded, not asserted)"
	@$(PYTHON) environment/compare_kernels.py

bench: setup
	@environment/setup-bench.sh
	@echo "[bench] Building bench/ and bench/djl/ (DJL with its PyTorch engine; first time ~120 MB)"
	@$(MVN) -q -pl bench -am package -DskipTests
	@$(MVN) -q -f bench/djl/pom.xml package
	@$(PYTHON) bench/run_bench.py $(if $(EPOCHS),--epochs $(EPOCHS))
	@$(MAKE) -s bench-pad

# The kill test of the direct oneDNN path: conv2 through libnd4j, lib's oneDNN 2.5.2 binding and PyTorch (~2 min)
bench-conv: setup
	@environment/setup-bench.sh
	@echo "[bench] Building bench/"
	@$(MVN) -q -pl bench -am package -DskipTests
	@$(PYTHON) bench/conv_kill_test.py

# How live notebook 8's drawing pad feels: stroke end -> bars painted, in JupyterLab in Chromium (~3 min)
bench-pad: setup
	@environment/setup-browser.sh
	@$(PYTHON) bench/pad_latency.py

seeds: setup
	@echo "[seeds] Building bench/"
	@$(MVN) -q -pl bench -am package -DskipTests
	@java -Xmx6g -cp "bench/target/classes:lib/target/classes:lib/target/lib/*" org.cnnbook.bench.SeedSweep \
	  $(if $(SEEDS),--seeds $(SEEDS)) $(if $(LAYERS),--layers $(LAYERS))

digits: lib
	@$(MVN) -q -pl lib -am test-compile
	@java -cp "lib/target/test-classes:lib/target/classes:lib/target/lib/*" org.cnnbook.prep.HandDrawnDigits notebooks/digits

lock: jupyter
	@$(PYTHON) -m venv build/lock-venv && build/lock-venv/bin/pip install -q pip-tools
	@for dir in environment bench; do (cd $$dir && ../build/lock-venv/bin/pip-compile -q --generate-hashes \
	  --allow-unsafe --strip-extras --no-header --output-file requirements.lock requirements.in) || exit 1; done
	@echo "[lock] environment/requirements.lock (make setup) and bench/requirements.lock (make bench) re-pinned"

clean:
	@$(MVN) -q clean
	@rm -rf bench/djl/target
	@rm -rf build
