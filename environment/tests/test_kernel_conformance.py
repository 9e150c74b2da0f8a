"""Jupyter's own kernel conformance suite (jupyter_kernel_test) against the installed kernelspec 'java'."""
import unittest

import jupyter_kernel_test

from kernel_session import KERNEL


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = KERNEL
    language_name = "Java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'

    completion_samples = [
        {"text": "Math.floorMo", "matches": {"floorMod("}},
        {"text": "System.currentTimeMilli", "matches": {"currentTimeMillis()"}},
    ]
    complete_code_samples = ["int a = 1;", "System.out.println(1);", "class A {}", "1 + 1"]
    incomplete_code_samples = ["if (true) {", "int x = (1 +", "class B {"]
    invalid_code_samples = ["int 5x = ;", "))"]

    code_generate_error = 'throw new IllegalStateException("expected");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"plain string"', "result": "plain string"},
        {"code": "var items = java.util.List.of(1, 2);\nitems", "result": "[1, 2]"},
    ]

    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'display(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB));',
         "mime": "image/png"},
    ]

    code_inspect_sample = "Math.max"


if __name__ == "__main__":
    unittest.main()
