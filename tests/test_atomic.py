"""Writing user files: atomic, no silent overwrite, and the mode a user expects."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from ksd_cli.atomic import refuse_overwrite, write_text_atomic
from ksd_cli.errors import UserError


def test_new_file_gets_the_umask_mode_and_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        fresh = tmp_path / "laporan.md"
        write_text_atomic(fresh, "isi\n")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "pribadi.md"
        kept.write_text("lama\n")
        kept.chmod(0o600)
        write_text_atomic(kept, "baru\n")
        assert kept.stat().st_mode & 0o777 == 0o600 and kept.read_text() == "baru\n"
    finally:
        os.umask(umask)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "laporan.md"
    target.write_text("lama\n")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_text_atomic(target, "baru\n")
    assert target.read_text() == "lama\n"
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.md"]


def test_refuse_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    refuse_overwrite(target, force=False)
    target.write_text("x")
    with pytest.raises(UserError):
        refuse_overwrite(target, force=False)
    refuse_overwrite(target, force=True)


@pytest.mark.parametrize(
    ("newline", "expected"),
    [(None, b"a\nb\n"), ("", b"a\nb\n"), ("\n", b"a\nb\n"), ("\r\n", b"a\r\nb\r\n")],
)
def test_newline_works_as_for_open(tmp_path: Path, newline: str | None, expected: bytes) -> None:
    target = tmp_path / "x.txt"
    write_text_atomic(target, "a\nb\n", newline=newline)
    assert target.read_bytes() == expected


def test_temporary_files_are_named_to_be_recognised_and_stale_ones_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ksd_cli.atomic import remove_stale_temporaries, write_bytes_atomic

    seen: list[str] = []
    real_replace = os.replace

    def spying_replace(src: str, dst: str) -> None:
        seen.append(Path(src).name)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spying_replace)
    write_bytes_atomic(tmp_path / "a.yaml", b"x\n")
    assert seen and seen[0].startswith(f".a.yaml.ksd-{os.getpid()}-") and seen[0].endswith(".tmp")
    dead = tmp_path / f".a.yaml.ksd-{2**22 + 1}-zz.tmp"
    dead.write_bytes(b"half")
    alive = tmp_path / f".a.yaml.ksd-{os.getpid()}-zz.tmp"
    alive.write_bytes(b"busy")
    other = tmp_path / ".a.yaml.ksd-notapid.tmp"
    other.write_bytes(b"user")
    assert remove_stale_temporaries(tmp_path) == [dead]
    assert alive.exists() and other.exists() and (tmp_path / "a.yaml").read_bytes() == b"x\n"


def test_a_text_stream_replaces_the_file_only_when_the_block_ends(tmp_path: Path) -> None:
    from ksd_cli.atomic import open_text_atomic

    target = tmp_path / "laporan.md"
    target.write_text("lama\n")
    with pytest.raises(RuntimeError), open_text_atomic(target) as stream:
        stream.write("baru – sebagian\r\n")
        assert target.read_text() == "lama\n"
        raise RuntimeError("the writer failed half way")
    assert target.read_text() == "lama\n"
    assert [p.name for p in tmp_path.iterdir()] == ["laporan.md"]
    with open_text_atomic(target) as stream:
        stream.write("baru – ")
        stream.write("utuh\r\n")
    assert target.read_bytes() == "baru – utuh\r\n".encode()  # UTF-8, line ends as written


def _unnamed_unsupported(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``open(O_TMPFILE)`` fail as on a file system without it."""
    import errno

    real_open = os.open

    def no_tmpfile(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & getattr(os, "O_TMPFILE", 0) == getattr(os, "O_TMPFILE", -1):
            raise OSError(errno.EOPNOTSUPP, "not supported")
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", no_tmpfile)


@pytest.mark.parametrize("unnamed", [True, False], ids=["unnamed", "renamed"])
def test_new_files_are_created_whole_and_existing_ones_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed: bool
) -> None:
    from ksd_cli.atomic import create_new_files

    if not unnamed:
        _unnamed_unsupported(monkeypatch)
    folder = tmp_path / "data" / "agreements"  # made when missing
    folder.mkdir(parents=True)
    (folder / "lama.yaml").write_text("punya pengguna\n")
    (folder / "tautan.yaml").symlink_to(folder / "tidak-ada.yaml")  # a dangling link is there
    umask = os.umask(0o022)
    try:
        existing = create_new_files(
            folder,
            [("a.yaml", b"a\n"), ("lama.yaml", b"baru\n"), ("b.yaml", "ä\n".encode()),
             ("tautan.yaml", b"x\n"), ("kosong.yaml", b"")],
        )  # fmt: skip
    finally:
        os.umask(umask)
    assert existing == ["lama.yaml", "tautan.yaml"]
    assert (folder / "lama.yaml").read_text() == "punya pengguna\n"
    assert (folder / "tautan.yaml").is_symlink()
    assert (folder / "a.yaml").read_bytes() == b"a\n"
    assert (folder / "b.yaml").read_bytes() == "ä\n".encode()
    assert (folder / "kosong.yaml").read_bytes() == b""
    assert {(folder / n).stat().st_mode & 0o777 for n in ("a.yaml", "b.yaml")} == {0o644}
    assert sorted(p.name for p in folder.iterdir()) == [
        "a.yaml", "b.yaml", "kosong.yaml", "lama.yaml", "tautan.yaml",
    ]  # fmt: skip


@pytest.mark.skipif(not hasattr(os, "O_TMPFILE"), reason="unnamed files are Linux's")
def test_new_files_take_no_temporary_name_where_unnamed_files_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ksd_cli.atomic import create_new_files

    def no_rename(*args: object) -> None:
        raise AssertionError("renamed: the unnamed path did not run")

    monkeypatch.setattr(os, "replace", no_rename)
    monkeypatch.setattr(os, "rename", no_rename)
    assert create_new_files(tmp_path, [("a.yaml", b"a\n")]) == []
    assert (tmp_path / "a.yaml").read_bytes() == b"a\n"


@pytest.mark.parametrize("unnamed", [True, False], ids=["unnamed", "renamed"])
def test_a_failed_write_of_new_files_leaves_whole_files_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unnamed: bool
) -> None:
    from ksd_cli.atomic import create_new_files

    if not unnamed:
        _unnamed_unsupported(monkeypatch)
    real_write = os.write
    writes: list[int] = []

    def disk_full_on_the_third_file(handle: int, data: bytes) -> int:
        writes.append(handle)
        if len(writes) == 3:
            # Part of the file is written, then the disk is full.
            real_write(handle, bytes(data)[:2])
            raise OSError(28, "No space left on device")
        return real_write(handle, data)

    monkeypatch.setattr(os, "write", disk_full_on_the_third_file)
    files = [(f"{n}.yaml", b"isi lengkap\n") for n in range(5)]
    with pytest.raises(OSError, match="No space"):
        create_new_files(tmp_path, files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.yaml", "1.yaml"]
    assert {p.read_bytes() for p in tmp_path.iterdir()} == {b"isi lengkap\n"}


def test_an_interrupted_run_of_new_files_leaves_no_temporary(tmp_path: Path) -> None:
    from ksd_cli.atomic import create_new_files

    def files() -> Iterator[tuple[str, bytes]]:
        yield "a.yaml", b"a\n"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        create_new_files(tmp_path, files())
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]
