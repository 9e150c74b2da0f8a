// The series' common start, loaded by the first cell of every notebook with IJava's %load. It is plain Java
// (lineMagic is the kernels' function form of %classpath, which IJava 1.3.0, JJava and this project's kernel all
// have), so it runs on each of them.
// lib/ and its runtime jars (built by `make setup`); a classroom or grading kernel names their shared copy in
// $CNNBOOK_LIB (no variable for it: see below):
lineMagic("classpath", List.of(System.getenv().getOrDefault("CNNBOOK_LIB", "../lib/target") + "/cnnbook-lib.jar",
                               System.getenv().getOrDefault("CNNBOOK_LIB", "../lib/target") + "/lib/*.jar"));
// lib's packages and the two ND4J classes every notebook uses:
import org.cnnbook.data.*;
import org.cnnbook.prep.*;
import org.cnnbook.plot.*;
import org.cnnbook.model.*;
import org.cnnbook.train.*;
import org.cnnbook.exercises.*;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
// No variables here: JShell resets a variable to null when a later import makes it recompile the declaration.
