"""The brief as one self-contained HTML file: inline CSS, a few lines of inline JS, no fetches.

Article text is untrusted. Jinja2 autoescapes everything the templates print, only http(s)
urls become links (:func:`newsprism.report.view.safe_url`), and a Content-Security-Policy
allows nothing but the file's own style and script (by hash), so even markup that slipped
through could neither run nor load anything.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from newsprism.model import SCHEMA_VERSION, Brief
from newsprism.report.view import build_view, counted


@cache
def template_env() -> Environment:
    """The report templates; the web app adds its own loader in front of this one."""
    env = Environment(
        loader=PackageLoader("newsprism.report", "templates"),
        autoescape=select_autoescape(["html", "j2", "html.j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["counted"] = counted
    return env


def _source(name: str) -> str:
    env = template_env()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source


@cache
def report_css() -> str:
    return _source("report.css")


@cache
def report_js() -> str:
    return _source("report.js")


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load or run except the inline style and script whose hashes are listed."""
    return (
        "default-src 'none'; "
        f"style-src {csp_hash(css)}; "
        f"script-src {csp_hash(js)}; "
        "img-src 'none'; connect-src 'none'; font-src 'none'; object-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


def to_html(brief: Brief) -> str:
    css, js = report_css(), report_js()
    return (
        template_env()
        .get_template("brief.html.j2")
        .render(
            view=build_view(brief),
            css=Markup(css),
            js=Markup(js),
            csp=content_security_policy(css, js),
            schema_version=SCHEMA_VERSION,
        )
    )
