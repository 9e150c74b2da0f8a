"""The kernel manager of every student's server (the hub's Spawner.args name it).

A kernel that died while starting (another program took a port Jupyter had chosen for it, or the machine killed
it) is restarted by Jupyter on new ports (the class's settings in classroom/hub/jupyterhub_config.py).
jupyter_server 2 follows new ports only after a restart asked for through its REST API, not after the restarter's;
three things then stay on the old ports:
  - the watch of the kernel's status: it stays "starting" for ever, and every websocket the student's page opens
    waits for it to change (the "nudge") until kernel_info_timeout, then fails;
  - the first page's kernel_info request, which every later page waits for as well;
  - the channels of a page that was already connected: it never hears from the kernel again.
The kernel is up and no notebook reaches it. After any restart that changed the ports this manager watches the
new ones, lets the waiting pages go on, and closes the connected pages' websockets: the page reconnects, and
jupyter_server opens the new connection's channels on the new ports (classroom/tests/test_kernel_ports.py).
"""
from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection
from jupyter_server.services.kernels.kernelmanager import ServerKernelManager


class ClassKernelManager(ServerKernelManager):

    async def restart_kernel(self, *args, **kwargs):
        ports_before = self.ports
        restarted = await super().restart_kernel(*args, **kwargs)
        if self.ports != ports_before:
            self._follow_the_new_ports()
        return restarted

    def _follow_the_new_ports(self):
        servers, kernel_id = self.parent, self.kernel_id
        if not hasattr(servers, "start_watching_activity") or kernel_id not in servers:
            return  # not managed by a server (e.g. a bare MultiKernelManager): nobody watches its activity
        self.log.info("Kernel %s restarted on new ports; its status, kernel_info and pages follow", kernel_id)
        servers.stop_watching_activity(kernel_id)
        self.execution_state = "starting"
        servers.start_watching_activity(kernel_id)
        pending = getattr(self, "_kernel_info_future", None)
        if pending is not None:
            del self._kernel_info_future  # the next page asks the kernel on its new ports
            if not pending.done():
                pending.set_result({})  # as on jupyter_server's own timeout: the waiting page goes on to its nudge
        for connection in list(ZMQChannelsWebsocketConnection._open_sockets):
            if connection.kernel_id == kernel_id and connection.websocket_handler is not None:
                connection.websocket_handler.close()
