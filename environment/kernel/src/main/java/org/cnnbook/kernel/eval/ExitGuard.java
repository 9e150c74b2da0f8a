package org.cnnbook.kernel.eval;

import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Rewrites a snippet's classes before they load: calls of {@code System.exit(int)}, {@code Runtime.exit(int)} and
 * {@code Runtime.halt(int)} go to {@link CellExit} instead. Only the cell's own code is rewritten; a library that
 * exits the JVM still does (rare), as does a method reference such as {@code System::exit}.
 */
final class ExitGuard {
    private static final String CELL_EXIT = Type.getInternalName(CellExit.class);
    private static final String RUNTIME = "java/lang/Runtime";

    private ExitGuard() {}

    static ClassBytecodes[] guard(ClassBytecodes[] classes) {
        ClassBytecodes[] guarded = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++)
            guarded[i] = new ClassBytecodes(classes[i].name(), rewrite(classes[i].bytecodes()));
        return guarded;
    }

    /** The class with its exits redirected, or the same bytes when it has none. */
    static byte[] rewrite(byte[] bytecode) {
        ClassReader reader = new ClassReader(bytecode);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
                        return new MethodVisitor(Opcodes.ASM9, method) {
                            @Override
                            public void visitMethodInsn(
                                    int opcode, String owner, String called, String desc, boolean isInterface) {
                                if (opcode == Opcodes.INVOKESTATIC
                                        && owner.equals("java/lang/System")
                                        && called.equals("exit")
                                        && desc.equals("(I)V")) {
                                    changed[0] = true;
                                    super.visitMethodInsn(Opcodes.INVOKESTATIC, CELL_EXIT, "exit", "(I)V", false);
                                } else if (opcode == Opcodes.INVOKEVIRTUAL
                                        && owner.equals(RUNTIME)
                                        && (called.equals("exit") || called.equals("halt"))
                                        && desc.equals("(I)V")) {
                                    changed[0] =
                                            true; // the Runtime and the status are on the stack: a static call takes
                                    // both
                                    super.visitMethodInsn(
                                            Opcodes.INVOKESTATIC, CELL_EXIT, called, "(L" + RUNTIME + ";I)V", false);
                                } else {
                                    super.visitMethodInsn(opcode, owner, called, desc, isInterface);
                                }
                            }
                        };
                    }
                },
                0);
        return changed[0] ? writer.toByteArray() : bytecode;
    }
}
