"""The kernel manager of every student's server (the hub's Spawner.args name it).

A kernel whose ports were taken as it started is restarted by Jupyter on new ports (the class's settings in
classroom/hub/jupyterhub_config.py). jupyter_server 2 follows new ports only after a restart asked for through its
REST API, not after the restarter's, and two things then stay on the old ports:
  - the watch of the kernel's status: it stays "starting" for ever, and every websocket the student's page opens
    waits for it to change (the "nudge") until kernel_info_timeout, then fails;
  - the first page's kernel_info request, which every later page waits for as well.
The kernel is up and no notebook reaches it. This manager moves both to the new ports after any restart that
changed them (classroom/tests/test_kernel_ports.py).
"""
from jupyter_server.services.kernels.kernelmanager import ServerKernelManager


class ClassKernelManager(ServerKernelManager):

    async def _async_restart_kernel(self, now=False, newports=False, **kw):
        ports_before = self.ports
        await super()._async_restart_kernel(now=now, newports=newports, **kw)
        if self.ports != ports_before:
            self._follow_the_new_ports()

    restart_kernel = _async_restart_kernel

    def _follow_the_new_ports(self):
        servers = self.parent
        kernel_id = next((key for key, kernel in getattr(servers, "_kernels", {}).items() if kernel is self), None)
        if kernel_id is None or not hasattr(servers, "start_watching_activity"):
            return  # not managed by a server (e.g. a bare MultiKernelManager): nobody watches its activity
        self.log.info("Kernel %s restarted on new ports; its status and kernel_info are asked there", kernel_id)
        servers.stop_watching_activity(kernel_id)
        self.execution_state = "starting"
        servers.start_watching_activity(kernel_id)
        pending = getattr(self, "_kernel_info_future", None)
        if pending is not None:
            del self._kernel_info_future  # the next page asks the kernel on its new ports
            if not pending.done():
                pending.set_result({})  # as on jupyter_server's own timeout: the waiting page goes on to its nudge
