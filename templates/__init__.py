"""The bundled Jinja templates of ksd, installed as the data-only package ``ksd_cli.templates``.

This folder is also the sample data repository's own ``templates/`` override folder; only the
``*.j2`` files in it are templates. ``pyproject.toml`` maps the package here so that no symlink
is needed and a checkout on Windows works.
"""
