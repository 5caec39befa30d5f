"""The one Jinja environment: lookup order, strictness, filters, sandbox, errors with places."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from ksd_cli.errors import UserError
from ksd_cli.jinja import (
    KsdTemplate,
    bundled_templates,
    make_environment,
    markdown_cell,
    template_dirs,
)
from ksd_cli.repository import open_repository


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def render(folder: Path, name: str, **context: object) -> str:
    return make_environment([folder]).get_template(name).render(context)


def test_bundled_templates_ship_every_naskah_template() -> None:
    names = {p.name for p in bundled_templates().iterdir()}
    assert {
        "kesepakatan_bersama.md.j2",
        "perjanjian_kerja_sama.md.j2",
        "nota_kesepakatan.md.j2",
        "adendum.md.j2",
        "_naskah_macros.md.j2",
    } <= names


def test_the_bundled_templates_are_the_project_roots_templates(project_root: Path) -> None:
    # The root templates/ folder is the bundled set (mapped into the package, no symlink):
    # whatever the package resolves, editable or installed, holds each of them unchanged.
    checkout = sorted((project_root / "templates").glob("*.j2"))
    assert checkout
    bundled = bundled_templates()
    for template in checkout:
        assert (bundled / template.name).read_bytes() == template.read_bytes(), template.name


def test_repository_templates_come_before_the_bundled(sample_repo: Path) -> None:
    repo = open_repository(sample_repo)
    assert template_dirs(repo) == [bundled_templates()]  # no templates/ folder yet
    write(sample_repo / "templates", "adendum.md.j2", "milik daerah\n")
    assert template_dirs(repo) == [sample_repo / "templates", bundled_templates()]
    env = make_environment(repo)
    assert env.get_template("adendum.md.j2").render() == "milik daerah\n"
    # A name the repository does not override still comes from the bundled folder.
    laporan = env.get_template("laporan.md.j2").filename
    assert laporan is not None and "PERJANJIAN" not in laporan.upper()
    assert Path(laporan).parent == bundled_templates()


def test_the_templates_folder_follows_the_configuration(sample_repo: Path) -> None:
    (sample_repo / "ksd.toml").write_text('[paths]\ntemplates = "naskah/templat"\n', "utf-8")
    write(sample_repo / "naskah" / "templat", "x.md.j2", "dari konfigurasi\n")
    env = make_environment(open_repository(sample_repo))
    assert env.get_template("x.md.j2").render() == "dari konfigurasi\n"


def test_indonesian_filters_are_registered(tmp_path: Path) -> None:
    write(
        tmp_path,
        "f.md.j2",
        "{{ n | rupiah_terbilang }}|{{ d | tanggal }}|{{ d | hari }}|{{ 11 | terbilang }}|"
        "{{ d | tanggal_terbilang }}|{{ 'a|b' | markdown_cell }}\n",
    )
    out = render(tmp_path, "f.md.j2", n=1_250_000_000, d=date(2021, 3, 15))
    assert out == (
        "Rp1.250.000.000,00 (satu miliar dua ratus lima puluh juta rupiah)|15 Maret 2021|Senin|"
        "sebelas|lima belas bulan Maret tahun dua ribu dua puluh satu|a\\|b\n"
    )


def test_extra_filters_and_no_autoescape(tmp_path: Path) -> None:
    write(tmp_path, "f.md.j2", "{{ 'x' | ulang }} {{ html }}\n")
    env = make_environment([tmp_path], filters={"ulang": lambda s: s * 2})
    assert env.get_template("f.md.j2").render(html="<b>&</b>") == "xx <b>&</b>\n"


def test_blocks_are_trimmed_and_the_final_newline_kept(tmp_path: Path) -> None:
    write(tmp_path, "f.md.j2", "a\n  {% if true %}\nb\n  {% endif %}\nc\n")
    assert render(tmp_path, "f.md.j2") == "a\nb\nc\n"


def test_markdown_cell_keeps_a_table_row_whole() -> None:
    assert markdown_cell("baris satu\nbaris | dua ") == "baris satu baris \\| dua"


@pytest.mark.parametrize(
    ("source", "line", "expected"),
    [
        ("judul\n\n{{ ''.__class__.__mro__ }}\n", 3, "__class__"),
        ("{{ cycler.__init__.__globals__ }}\n", 1, "__init__"),
        ("a\n{{ lipsum.__globals__['os'] }}\n", 2, "__globals__"),
        ("a\nb\n{{ joiner.__class__.__subclasses__() }}\n", 3, "__class__"),
        ("{{ namespace.__init__ }}\n", 1, "__init__"),
        ("{% set x = [1] %}\n{{ x.append(2) }}\n", 2, "append"),
        ("{% set d = {} %}\n{{ d.update(a=1) }}\n", 2, "update"),
        ("{{ ().__class__.__base__.__subclasses__() }}\n", 1, "__class__"),
        ("{{ self.__init__.__globals__ }}\n", 1, "__init__"),
        ("{{ range.__self__ }}\n", 1, "__self__"),
        ("a\n{{ 'x' * 10 ** 10 }}\n", 2, "repetition"),
        ("{{ 9 ** 999999999 }}\n", 1, "exponent"),
        ("{{ [0] * 2000000 }}\n", 1, "repetition"),
    ],
)
def test_sandbox_refuses_python_internals(
    tmp_path: Path, source: str, line: int, expected: str
) -> None:
    path = write(tmp_path, "jahat.md.j2", source)
    with pytest.raises(UserError) as caught:
        render(tmp_path, "jahat.md.j2")
    message = caught.value.message
    assert message.startswith(f"{path}, baris {line}: ")
    assert "sandbox" in message and expected in message


def test_a_data_repository_template_escaping_names_its_file_and_line(sample_repo: Path) -> None:
    from ksd_cli.draft import render_naskah

    write(
        sample_repo / "templates",
        "kesepakatan_bersama.md.j2",
        "# {{ naskah.sebutan }}\n\n{{ cycler.__init__.__globals__.os.system('id') }}\n",
    )
    with pytest.raises(UserError) as caught:
        render_naskah(
            open_repository(sample_repo), "KSD-6402-2020-001", naskah=1, today=date(2025, 6, 30)
        )
    assert caught.value.message.startswith("templates/kesepakatan_bersama.md.j2, baris 3: ")
    assert "ditolak oleh sandbox" in caught.value.message
    assert caught.value.text("en").startswith("templates/kesepakatan_bersama.md.j2, line 3: ")
    assert "refused by the sandbox" in caught.value.text("en")


def test_an_escape_inside_an_overridden_partial_names_the_partial(sample_repo: Path) -> None:
    from ksd_cli.draft import render_naskah

    macros = (bundled_templates() / "_naskah_macros.md.j2").read_text(encoding="utf-8")
    hostile = macros.replace(
        "{% macro pembukaan() %}\n", "{% macro pembukaan() %}\n{{ ''.__class__ }}\n"
    )
    assert hostile != macros
    write(sample_repo / "templates", "_naskah_macros.md.j2", hostile)
    line = hostile.splitlines().index("{{ ''.__class__ }}") + 1
    with pytest.raises(UserError) as caught:
        render_naskah(
            open_repository(sample_repo), "KSD-6402-2020-001", naskah=1, today=date(2025, 6, 30)
        )
    assert caught.value.message.startswith(f"templates/_naskah_macros.md.j2, baris {line}: ")


def test_ordinary_arithmetic_still_works(tmp_path: Path) -> None:
    write(tmp_path, "a.md.j2", "{{ 2 ** 10 }} {{ '-' * 3 }} {{ 3 * 4 }} {{ [1] * 2 }}\n")
    assert render(tmp_path, "a.md.j2") == "1024 --- 12 [1, 1]\n"


def test_syntax_error_names_template_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "rusak.md.j2", "satu\ndua\n{% if %}\n")
    with pytest.raises(UserError) as caught:
        render(tmp_path, "rusak.md.j2")
    assert caught.value.message.startswith(f"{path}, baris 3: kesalahan sintaks templat")


def test_undefined_variable_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "u.md.j2", "satu\n{{ nama_yang_salah }}\n")
    with pytest.raises(UserError) as caught:
        render(tmp_path, "u.md.j2")
    assert caught.value.message.startswith(f"{path}, baris 2: ")
    assert "'nama_yang_salah' is undefined" in caught.value.message


def test_undefined_attribute_is_an_error_too(tmp_path: Path) -> None:
    write(tmp_path, "u.md.j2", "{{ naskah.tidak_ada }}\n")
    with pytest.raises(UserError, match="baris 1"):
        render(tmp_path, "u.md.j2", naskah={"jenis": "adendum"})


def test_a_filter_failing_on_bad_input_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "f.md.j2", "a\nb\n{{ 'bukan angka' | terbilang }}\n")
    with pytest.raises(UserError) as caught:
        render(tmp_path, "f.md.j2")
    assert caught.value.message.startswith(f"{path}, baris 3: ")
    assert "TypeError" in caught.value.message


def test_error_in_an_imported_macro_names_the_macro_file(tmp_path: Path) -> None:
    macros = write(tmp_path, "_m.md.j2", "{% macro x() %}\nok\n{{ tidak_ada }}\n{% endmacro %}\n")
    write(tmp_path, "main.md.j2", '{% import "_m.md.j2" as m %}\n{{ m.x() }}\n')
    with pytest.raises(UserError) as caught:
        render(tmp_path, "main.md.j2")
    assert caught.value.message.startswith(f"{macros}, baris 3: ")


def test_missing_include_is_a_user_error(tmp_path: Path) -> None:
    write(tmp_path, "main.md.j2", '{% include "tidak_ada.md.j2" %}\n')
    with pytest.raises(UserError, match="templat tidak ditemukan") as caught:
        render(tmp_path, "main.md.j2")
    assert "template not found" in caught.value.text("en")


def test_bundled_templates_compile(tmp_path: Path) -> None:
    from ksd_cli.draft.wording import FILTERS

    shutil.copytree(bundled_templates(), tmp_path / "t", symlinks=False)
    env = make_environment([tmp_path / "t"], filters=FILTERS)
    for path in (tmp_path / "t").glob("*.j2"):
        env.get_template(path.name)  # a syntax error would raise


# Nothing outside the templates folder is read (a pull request can add templates) ---------------

SECRET = "RAHASIA-CI-TOKEN-12345"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _override_including(sample_repo: Path, include: str) -> None:
    """The sample's KB template overridden by one that includes ``include``."""
    write(
        sample_repo / "templates",
        "kesepakatan_bersama.md.j2",
        "# KB\n{% include '" + include + "' %}\n",
    )


@pytest.mark.parametrize("statement", ["include", "import", "extends"])
def test_a_symlinked_template_is_refused_by_name(
    sample_repo: Path, secret_file: Path, statement: str
) -> None:
    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / "leak.j2").symlink_to(secret_file)
    tag = (
        "{% import 'leak.j2' as x %}" if statement == "import" else f"{{% {statement} 'leak.j2' %}}"
    )
    write(sample_repo / "templates", "page.md.j2", tag + "\n")
    env = make_environment(open_repository(sample_repo))
    with pytest.raises(UserError) as caught:
        env.get_template("page.md.j2").render()
    assert "templates/leak.j2" in caught.value.message
    assert "tautan simbolik" in caught.value.message
    assert SECRET not in caught.value.message


def test_a_symlinked_folder_inside_templates_is_refused(sample_repo: Path) -> None:
    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / "up").symlink_to("/")
    write(sample_repo / "templates", "page.md.j2", "{% include 'up/etc/passwd' %}\n")
    env = make_environment(open_repository(sample_repo))
    with pytest.raises(UserError) as caught:
        env.get_template("page.md.j2").render()
    assert "templates/up" in caught.value.message


def test_a_symlinked_override_is_refused_not_replaced_by_the_bundled(
    sample_repo: Path, secret_file: Path
) -> None:
    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / "adendum.md.j2").symlink_to(secret_file)
    env = make_environment(open_repository(sample_repo))
    with pytest.raises(UserError, match="templates/adendum.md.j2"):
        env.get_template("adendum.md.j2")


def test_a_symlinked_templates_folder_is_refused(sample_repo: Path, secret_file: Path) -> None:
    (sample_repo / "templates").symlink_to(secret_file.parent)
    with pytest.raises(UserError, match="templates"):
        make_environment(open_repository(sample_repo))


def test_dot_dot_in_a_template_name_is_not_found(sample_repo: Path, secret_file: Path) -> None:
    write(sample_repo / "templates", "page.md.j2", "{% include '../../outside/secret.txt' %}\n")
    env = make_environment(open_repository(sample_repo))
    with pytest.raises(UserError, match="tidak ditemukan|not found"):
        env.get_template("page.md.j2").render()


@pytest.mark.parametrize(
    "command",
    [
        ["draft", "KSD-6402-2020-001", "--naskah", "1", "--format", "md", "--output", "-"],
        ["report", "--format", "md", "--output", "-"],
    ],
    ids=["draft", "report"],
)
def test_commands_never_print_a_file_reached_through_a_template_link(
    sample_repo: Path,
    secret_file: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    from ksd_cli.cli import main

    (sample_repo / "templates").mkdir()
    (sample_repo / "templates" / "leak.j2").symlink_to(secret_file)
    for name in ("kesepakatan_bersama.md.j2", "laporan.md.j2"):
        write(sample_repo / "templates", name, "{% include 'leak.j2' %}\n")
    code = main([*command, "--root", str(sample_repo), "--as-of", "2025-06-30"])
    out, err = capsys.readouterr()
    assert code == 1
    assert SECRET not in out + err
    assert "templates/leak.j2" in err


# Templates are bounded (issue 16 section 5): each attack fails quickly with a template error.

ATTACKS = [
    pytest.param(
        "a\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
        2,
        "loop iterations",
        id="nested-range-loops",
    ),
    pytest.param("{{ 'x'|center(10**9) }}\n", 1, "text longer", id="center-filter"),
    pytest.param("{{ 'x'.center(10**9) }}\n", 1, "text longer", id="center-method"),
    pytest.param("{{ 'x'.ljust(10**9) }}\n", 1, "text longer", id="ljust"),
    pytest.param("{{ 'x'.rjust(10**9) }}\n", 1, "text longer", id="rjust"),
    pytest.param("{{ 'x'.zfill(10**9) }}\n", 1, "text longer", id="zfill"),
    pytest.param("a\n{{ 'x'|indent(10**9, true) }}\n", 2, "text longer", id="indent"),
    pytest.param("{{ ('\t' * 1000).expandtabs(10**9) }}\n", 1, "text longer", id="expandtabs"),
    pytest.param("{{ '%1000000000s' % 'x' }}\n", 1, "text longer", id="percent-format"),
    pytest.param("{{ '%1000000000s'|format('x') }}\n", 1, "text longer", id="format-filter"),
    pytest.param("{{ '{:>1000000000}'.format('x') }}\n", 1, "text longer", id="str-format"),
    pytest.param("{{ ([('x'*1000000)]*2000)|join }}\n", 1, "text longer", id="join-2gb"),
    pytest.param("{{ ''.join([('x'*1000000)]*2000) }}\n", 1, "text longer", id="join-method"),
    pytest.param(
        "{% set ns = namespace(s='x') %}\n{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}\n",
        2,
        "text longer",
        id="doubling-with-tilde",
    ),
    pytest.param(
        "{% set ns = namespace(s='x') %}\n{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}"
        "{% endfor %}\n",
        2,
        "text longer",
        id="doubling-with-plus",
    ),
    pytest.param("{{ ('x'*1000000)|replace('', 'y'*1000) }}\n", 1, "text longer", id="replace"),
    pytest.param("{{ lipsum(n=200000) }}\n", 1, "text longer", id="lipsum"),
    pytest.param(
        "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}\n", 1, "output", id="output-size"
    ),
    pytest.param("a\n{% include 'jahat.md.j2' %}\n", 2, "recursion", id="self-include"),
    pytest.param("{% extends 'jahat.md.j2' %}\n", 1, "recursion", id="self-extends"),
    pytest.param(
        "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}\n{{ m(0) }}\n",
        1,
        "macro calls nested",
        id="recursive-macro",
    ),
]


@pytest.mark.parametrize(("source", "line", "expected"), ATTACKS)
def test_an_exhausting_template_is_a_template_error_with_its_line(
    tmp_path: Path, source: str, line: int, expected: str
) -> None:
    path = write(tmp_path, "jahat.md.j2", source)
    with pytest.raises(UserError) as caught:
        render(tmp_path, "jahat.md.j2")
    assert caught.value.text("en").startswith(f"{path}, line {line}: the template goes past")
    assert expected in caught.value.text("en")
    assert caught.value.message.startswith(f"{path}, baris {line}: templat melampaui batas")
    assert caught.value.hint is not None and "CI" in caught.value.hint


def test_the_budget_is_per_render_not_per_environment(tmp_path: Path) -> None:
    from ksd_cli.jinja import MAX_ITERATIONS

    write(tmp_path, "loop.md.j2", "{% for i in items %}{% endfor %}ok\n")
    template = make_environment([tmp_path]).get_template("loop.md.j2")
    items = [0] * (MAX_ITERATIONS - 10)
    for _ in range(3):  # three renders of most of the budget each: none is refused
        assert template.render(items=items) == "ok\n"
    with pytest.raises(UserError, match="putaran perulangan"):
        template.render(items=[0] * (MAX_ITERATIONS + 1))


def test_bounds_leave_ordinary_text_work_alone(tmp_path: Path) -> None:
    write(
        tmp_path,
        "biasa.md.j2",
        "{{ 'a' ~ 'b' ~ 1 }} {{ 'x'|center(5) }}|{{ '%-4s' % 'ab' }}|{{ '{:>3}'.format(7) }}"
        "|{{ ['a', 'b']|join(', ') }}|{{ 'a\nb'|indent(2) }}|{{ 'aa'|replace('a', 'b') }}"
        "|{% for c in 'xyz' %}{{ loop.index }}{% endfor %}\n",
    )
    assert render(tmp_path, "biasa.md.j2") == "ab1   x  |ab  |  7|a, b|a\n  b|bb|123"


def test_limits_grow_only_as_the_caller_scales_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ksd_cli import jinja

    monkeypatch.setattr(jinja, "MAX_OUTPUT", 100)
    monkeypatch.setattr(jinja, "MAX_ITERATIONS", 40)
    (tmp_path / "t.md.j2").write_text("{% for i in range(30) %}abcde{% endfor %}\n")
    template = make_environment([tmp_path]).get_template("t.md.j2")
    assert isinstance(template, KsdTemplate)
    # 150 characters: past the output limit of 100 at scale 1.
    with pytest.raises(UserError) as refused:
        template.render()
    assert "100" in refused.value.text("en")
    assert template.render_scaled(2) == "abcde" * 30
    # 60 iterations: past 40 even at twice the output.
    (tmp_path / "u.md.j2").write_text("{% for i in range(60) %}.{% endfor %}\n")
    loops = make_environment([tmp_path]).get_template("u.md.j2")
    assert isinstance(loops, KsdTemplate)
    with pytest.raises(UserError) as refused:
        loops.render_scaled(1)
    assert "40" in refused.value.text("en")
    assert loops.render_scaled(2) == "." * 60


def _compiled_files(cache_folder: Path) -> list[Path]:
    return sorted((cache_folder / "templates").rglob("*.cache"))


def test_compiled_templates_are_kept_and_run_as_compiled(
    tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ksd_cli.jinja import KsdEnvironment

    folder = tmp_path / "t"
    write(folder, "base.md.j2", "{% for x in items %}{{ x | upper }} {% endfor %}\n")
    write(folder, "page.md.j2", "{% include 'base.md.j2' %}{{ judul }}\n")
    context = {"items": ["a", "b"], "judul": "Judul"}

    def rendered() -> str:
        env = make_environment([folder], keep_compiled=True)
        return env.get_template("page.md.j2").render(context)

    first = rendered()
    assert first == "A B Judul\n"
    assert len(_compiled_files(_own_cache)) == 2  # the page and what it includes

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    with monkeypatch.context() as patched:
        patched.setattr(KsdEnvironment, "_parse", no_compiling)
        assert rendered() == first
    # A changed template is compiled again, never run from its old code.
    write(folder, "base.md.j2", "{% for x in items %}{{ x }}-{% endfor %}\n")
    assert rendered() == "a-b-Judul\n"


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_a_damaged_compiled_template_is_compiled_again(
    tmp_path: Path, _own_cache: Path, damage: str
) -> None:
    folder = tmp_path / "t"
    write(folder, "page.md.j2", "{{ judul | upper }}\n")
    env = make_environment([folder], keep_compiled=True)
    assert env.get_template("page.md.j2").render(judul="x") == "X\n"
    (kept,) = _compiled_files(_own_cache)
    data = kept.read_bytes()
    kept.write_bytes(
        {"truncated": data[: len(data) // 2], "garbage": data[:10] + b"\xff" * 50, "empty": b""}[
            damage
        ]
    )
    again = make_environment([folder], keep_compiled=True)
    assert again.get_template("page.md.j2").render(judul="y") == "Y\n"


def test_no_compiled_template_is_kept_without_the_cache(
    tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "t"
    write(folder, "page.md.j2", "{{ judul }}\n")
    make_environment([folder]).get_template("page.md.j2").render(judul="x")
    assert _compiled_files(_own_cache) == []  # only when asked for
    monkeypatch.setenv("KSD_NO_CACHE", "1")
    make_environment([folder], keep_compiled=True).get_template("page.md.j2").render(judul="x")
    assert _compiled_files(_own_cache) == []
