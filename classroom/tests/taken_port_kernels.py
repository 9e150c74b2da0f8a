"""Kernel managers whose kernel finds its first shell port taken: another program listens on it from the moment
Jupyter writes the port down, before the kernel's JVM binds it (as happens when a whole class starts kernels at
once). Importable by a Jupyter server started for a test (--MappingKernelManager.kernel_manager_class=
taken_port_kernels.TakenPortKernelManager), whose base class CNNBOOK_TEST_BASE_KERNEL_MANAGER names."""
import os
import socket

from traitlets.utils.importstring import import_item


def with_a_taken_port(base, slow_start_s=0):
    """A subclass of the kernel manager class `base` whose kernel starts slow_start_s late and finds its first shell
    port taken."""

    class TakenPort(base):
        taken_port = None
        thief = None

        def format_kernel_cmd(self, extra_arguments=None):
            command = super().format_kernel_cmd(extra_arguments)
            if not slow_start_s:
                return command
            return ["/bin/sh", "-c", f'sleep {slow_start_s}; exec "$@"', "slow-start"] + command

        def write_connection_file(self, **kwargs):
            super().write_connection_file(**kwargs)
            if self.thief is None:
                self.taken_port = self.shell_port
                self.thief = socket.socket()
                self.thief.bind(("127.0.0.1", self.taken_port))
                self.thief.listen()

        def release_the_port(self):
            if self.thief is not None:
                self.thief.close()

    return TakenPort


if os.environ.get("CNNBOOK_TEST_BASE_KERNEL_MANAGER"):
    TakenPortKernelManager = with_a_taken_port(import_item(os.environ["CNNBOOK_TEST_BASE_KERNEL_MANAGER"]))
