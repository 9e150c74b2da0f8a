"""The class's login (make classroom): NativeAuthenticator. Students sign up at /hub/signup with a password of their
own and can log in once the teacher has approved them at /hub/authorize. The teacher's account exists from the
hub's first start, with the password make classroom prints, so that no one can sign up under the teacher's name."""
import bcrypt
from nativeauthenticator import NativeAuthenticator, handlers
from nativeauthenticator.orm import UserInfo
from tornado.escape import url_escape
from tornado.httputil import url_concat
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

    def _render(self, login_error=None, username=None, sync=False, **error_page):
        """JupyterHub 5 shows an error of a posted login form (an expired form, too many tries) on the login page by
        calling _render with the error page's fields and sync=True; NativeAuthenticator 1.3.0's _render takes neither,
        so every such error was an empty HTTP 500. Its login page, with the error's message."""
        return self.render_template(
            "native-login.html", sync=sync,
            next=url_escape(self.get_argument("next", default="")),
            username=username,
            login_error=login_error,
            custom_html=self.authenticator.custom_html,
            login_url=self.settings["login_url"],
            enable_signup=self.authenticator.enable_signup,
            two_factor_auth=self.authenticator.allow_2fa,
            authenticator_login_url=url_concat(self.authenticator.login_url(self.hub.base_url),
                                               {"next": self.get_argument("next", "")}))


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
