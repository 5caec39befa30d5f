"""A minimal two-command Typer app with rich help: the start-up reference for `ksd --help`."""

from __future__ import annotations

import typer

app = typer.Typer(rich_markup_mode="rich", help="Baseline [bold]Typer[/bold] application.")


@app.command()
def hello(name: str = typer.Option("dunia", help="Who to greet.")) -> None:
    """Greet [green]someone[/green]."""
    typer.echo(f"Halo, {name}!")


@app.command()
def count(upto: int = typer.Option(3, help="Last number to print.")) -> None:
    """Count from 1 to [cyan]UPTO[/cyan]."""
    for number in range(1, upto + 1):
        typer.echo(number)


if __name__ == "__main__":
    app()
