extension Interpreter {
    /// The standard library modules scripts can import, each built on its first import (those
    /// written in Python run their source then).
    func registerStandardModules() {
        registerStandardModule("math") { _ in MathModule.make() }
        registerStandardModule("random") { _ in RandomModule.make() }
        registerStandardModule("itertools") { _ in ItertoolsModule.make() }
        registerStandardModule("functools") { _ in FunctoolsModule.make() }
        registerStandardModule("collections") { interp in CollectionsModule.make(interp) }
        registerStandardModule("__future__") { _ in FutureModule.make() }
        registerStandardModule("typing") { _ in TypingModule.make() }
        registerStandardModule("copy") { _ in CopyModule.make() }
        registerStandardModule("operator") { _ in OperatorModule.make() }
        registerStandardModule("string") { _ in StringModule.make() }
        registerStandardModule("warnings") { _ in WarningsModule.make() }
        registerStandardModule("time") { _ in TimeModule.make() }
        registerStandardModule("sys") { interp in SysModule.make(argv: [interp.filename] + interp.scriptArguments) }
        for (name, file) in PreludeSources.files.sorted(by: { $0.key < $1.key }) {
            registerStandardModule(name) { interp in
                .object(try interp.executeModule(source: file.source, filename: name + ".py", name: name))
            }
        }
    }
}
