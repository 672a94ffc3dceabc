import ArgumentParser

/// The `gradscope` command: run, dump, render and debug PyTorch-style scripts.
@main
struct GradScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradscope",
        abstract: "See and debug gradient flow in PyTorch-style scripts.",
        discussion: """
        Runs small PyTorch programs on GradScope's own Swift autograd engine, printing exactly what \
        Python with PyTorch prints, and records every operation into a graph you can dump and render.
        """,
        subcommands: [Run.self, Dump.self, Render.self, Why.self, Debug.self])
}
