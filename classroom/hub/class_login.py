"""The class's login (make classroom): NativeAuthenticator. Students sign up at /hub/signup with a password of their
own and can log in once the teacher has approved them at /hub/authorize. The teacher's account exists from the
hub's first start, with the password make classroom prints, so that no one can sign up under the teacher's name."""
import bcrypt
from nativeauthenticator import NativeAuthenticator, handlers
from nativeauthenticator.orm import UserInfo
from traitlets import Unicode


class _NoTimer:
    """NativeAuthenticator 1.3.0's login times itself with the handler's statsd client, which JupyterHub 5 removed
    (every login then fails with HTTP 500); this stands in for it and measures nothing."""

    def timer(self, name):
        return self

    def start(self):
        return self

    def stop(self, send=True):
        pass


class LoginHandler(handlers.LoginHandler):
    statsd = _NoTimer()


class ClassAuthenticator(NativeAuthenticator):
    teacher = Unicode("teacher", config=True, help="the teacher's login, an admin, created at the first start")
    teacher_password = Unicode("", config=True, help="the teacher's first password (later changed at "
                                                     "/hub/change-password; an existing account is kept)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.teacher_password and self.get_user(self.teacher) is None:
            hashed = bcrypt.hashpw(self.teacher_password.encode(), bcrypt.gensalt())
            self.db.add(UserInfo(username=self.normalize_username(self.teacher), password=hashed, is_authorized=True))
            self.db.commit()

    def get_handlers(self, app):
        return [(path, LoginHandler if handler is handlers.LoginHandler else handler)
                for path, handler in super().get_handlers(app)]
