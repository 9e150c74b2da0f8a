package org.cnnbook.kernel.eval;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jdk.jshell.EvalException;
import org.cnnbook.kernel.eval.InProcessExecutionControl.SnippetTimeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodeEvaluatorTest {
    private final CodeEvaluator evaluator =
            new CodeEvaluator(List.of(), List.of("int fromStartup = 41;"), SnippetTimeout.NONE);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterAll
    void close() {
        scheduler.shutdownNow();
        evaluator.shutdown();
    }

    @Test
    void lastExpressionIsTheCellValueAsALiveObject() throws Exception {
        Object value = evaluator.eval("var list = new java.util.ArrayList<String>();\nlist.add(\"a\");\nlist");
        assertInstanceOf(java.util.ArrayList.class, value);
        assertEquals(List.of("a"), value);
        assertEquals(42, evaluator.eval("fromStartup + 1"));
    }

    @Test
    void declarationsStatementsAndVoidCallsHaveNoValue() throws Exception {
        assertNull(evaluator.eval("int declared = 5;"));
        assertNull(evaluator.eval("declared = 6;"));
        assertNull(evaluator.eval("System.out.print(\"\");"));
        assertNull(evaluator.eval("void m() {}"));
        assertNull(evaluator.eval("for (int i = 0; i < 2; i++) {}"));
        assertNull(evaluator.eval("Object nothing = null; nothing"));
    }

    @Test
    void aBareVariableAndACallEndingInSemicolonAreValues() throws Exception {
        evaluator.eval("String word = \"hello\";");
        assertEquals("hello", evaluator.eval("word"));
        assertEquals(5, evaluator.eval("word.length();"));
    }

    @Test
    void onlyTheLastSnippetCounts() throws Exception {
        assertNull(evaluator.eval("1 + 1;\nint after = 3;"));
        assertEquals(3, evaluator.eval("1 + 1;\nafter"));
    }

    @Test
    void theCellStopsAtTheFirstFailureAndEarlierSnippetsKeepTheirEffects() throws Exception {
        assertThrows(
                EvalException.class, () -> evaluator.eval("int kept = 1;\nInteger.parseInt(\"x\");\nint skipped = 2;"));
        assertEquals(1, evaluator.eval("kept"));
        assertThrows(CompilationException.class, () -> evaluator.eval("skipped"));
    }

    @Test
    void runtimeExceptionsCarryTheRealClassAndMessage() {
        EvalException e = assertThrows(EvalException.class, () -> evaluator.eval("1 / 0"));
        assertEquals("java.lang.ArithmeticException", e.getExceptionClassName());
        assertEquals("/ by zero", e.getMessage());
    }

    @Test
    void aCellCannotExitTheKernelsJvm() throws Exception {
        for (String exit : List.of(
                "System.exit(3)",
                "Runtime.getRuntime().exit(4)",
                "Runtime.getRuntime().halt(5)",
                "void quit() { System.exit(6); }\nquit();",
                "Runnable r = () -> System.exit(7); r.run();")) {
            EvalException e = assertThrows(EvalException.class, () -> evaluator.eval(exit), exit);
            assertEquals(CellExit.CellExitException.class.getName(), e.getExceptionClassName(), exit);
            assertTrue(e.getMessage().contains("would end the kernel"), e.getMessage());
        }
        assertEquals(2, evaluator.eval("1 + 1"), "the kernel lives on");
    }

    @Test
    void compileErrorsAndIncompleteInputAreTheirOwnErrors() {
        CompilationException compile =
                assertThrows(CompilationException.class, () -> evaluator.eval("int z = \"text\";"));
        assertEquals(
                "int z = \"text\";",
                compile.getBadSnippetCompilation().snippet().source());
        IncompleteSourceException incomplete =
                assertThrows(IncompleteSourceException.class, () -> evaluator.eval("int a = 1;\nif (true) {"));
        assertEquals("if (true) {", incomplete.getSource());
    }

    @Test
    void snippetsRunOnNamedExecutorThreadsWithTheSnippetClassLoaderAsContextLoader() throws Exception {
        assertTrue(((String) evaluator.eval("Thread.currentThread().getName()")).startsWith("IJava-executor-"));
        evaluator.eval("class Probe {}");
        assertEquals(
                Boolean.TRUE,
                evaluator.eval("Thread.currentThread().getContextClassLoader() == Probe.class.getClassLoader()"));
    }

    @Test
    void interruptEndsASleepingCellAndTheEvaluatorStaysUsable() throws Exception {
        scheduler.schedule(evaluator::interrupt, 300, TimeUnit.MILLISECONDS);
        EvaluationInterruptedException e =
                assertThrows(EvaluationInterruptedException.class, () -> evaluator.eval("Thread.sleep(60_000);"));
        assertTrue(e.getMessage().contains("Thread.sleep(60_000);"), e.getMessage());
        assertEquals(2, evaluator.eval("1 + 1"));
    }

    @Test
    void interruptEndsTheCellEvenWhenTheCodeIgnoresInterruption() throws Exception {
        // Documented behaviour: the cell ends at once; the loop itself runs on until it finishes.
        scheduler.schedule(evaluator::interrupt, 300, TimeUnit.MILLISECONDS);
        assertThrows(
                EvaluationInterruptedException.class,
                () -> evaluator.eval(
                        "long end = System.currentTimeMillis() + 1500; while (System.currentTimeMillis() < end) { }"));
        assertEquals("next", evaluator.eval("\"next\""));
    }

    @Test
    void aSnippetLongerThanTheTimeoutFailsWithTheTimeoutMessage() throws Exception {
        CodeEvaluator limited = new CodeEvaluator(List.of(), List.of(), new SnippetTimeout(200, TimeUnit.MILLISECONDS));
        try {
            EvaluationTimeoutException e =
                    assertThrows(EvaluationTimeoutException.class, () -> limited.eval("Thread.sleep(10_000);"));
            assertTrue(
                    e.getMessage().startsWith("Evaluator timed out after 200 milliseconds while executing:"),
                    e.getMessage());
            assertEquals(3, limited.eval("1 + 2"));
        } finally {
            limited.shutdown();
        }
    }

    @Test
    void anInterruptWhileJShellStillCompilesStopsTheCellBeforeItsNextSnippetRuns() throws Exception {
        Runnable interrupt = evaluator::interrupt; // handed to the cell through a JDK type: it cannot see test classes
        System.getProperties().put("cnnbook.test.interrupt", interrupt);
        // the first snippet asks for the interrupt 100 ms later, while javac compiles a class of 20,000 methods
        String askForInterrupt = "new Thread(() -> { try { Thread.sleep(100); } catch (InterruptedException e) { }\n"
                + "  ((Runnable) System.getProperties().get(\"cnnbook.test.interrupt\")).run(); }).start();\n";
        StringBuilder big = new StringBuilder("class Big {");
        for (int i = 0; i < 20_000; i++)
            big.append(" int m").append(i).append("() { return ").append(i).append("; }");
        big.append(" }\n");
        EvaluationInterruptedException stopped = assertThrows(
                EvaluationInterruptedException.class,
                () -> evaluator.eval(askForInterrupt + big + "System.setProperty(\"ranAfterCompile\", \"yes\");"));
        assertEquals("Evaluation interrupted.", stopped.getNote());
        assertNull(System.getProperty("ranAfterCompile"), "the snippet after the interrupt must not run");
        assertEquals(2, evaluator.eval("1 + 1"), "the next cell runs normally");
    }

    @Test
    void anInterruptBetweenCellsIsForgotten() throws Exception {
        evaluator.interrupt();
        assertEquals(3, evaluator.eval("1 + 2"));
    }

    @Test
    void codeThatIgnoresTheInterruptIsReportedAsStillRunning() {
        scheduler.schedule(evaluator::interrupt, 300, TimeUnit.MILLISECONDS);
        EvaluationInterruptedException stopped = assertThrows(
                EvaluationInterruptedException.class,
                () -> evaluator.eval(
                        "long until = System.nanoTime() + 3_000_000_000L; while (System.nanoTime() < until) { }"));
        assertTrue(stopped.getNote().contains("may still be running"), stopped.getNote());
    }

    @Test
    void aCellThatRunsOutOfMemoryGivesBackWhatItsVariablesHold() throws Exception {
        evaluator.eval("int[] before = new int[10];");
        long max = Runtime.getRuntime().maxMemory();
        EvalException outOfMemory = assertThrows(
                EvalException.class,
                () -> evaluator.eval("var hoard = new java.util.ArrayList<long[]>();\n"
                        + "while (true) hoard.add(new long[1 << 17]);"));
        assertEquals(OutOfMemoryError.class.getName(), outOfMemory.getExceptionClassName());
        assertEquals(List.of("hoard"), evaluator.releasedAfterOutOfMemory());
        assertEquals(Boolean.TRUE, evaluator.eval("hoard == null"));
        assertEquals(10, evaluator.eval("before.length"), "earlier cells' variables stay");
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        assertTrue(runtime.totalMemory() - runtime.freeMemory() < max / 2, "the heap is free again");
        assertEquals(List.of(), evaluator.releasedAfterOutOfMemory(), "only the cell that failed is reported");
    }
}
