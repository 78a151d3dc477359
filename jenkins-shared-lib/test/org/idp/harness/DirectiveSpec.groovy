package org.idp.harness

/** A declarative section; calling something that is not one of its directives fails the test with where it was. */
abstract class DirectiveSpec {
    abstract String section()

    def methodMissing(String name, Object args) {
        throw new HarnessError("'${name}' is not a directive the harness knows inside ${section()} { }. Declarative Pipeline only " +
            "allows its directives there; step calls belong in steps { } or script { }. If '${name}' is a real directive, add it to ${getClass().simpleName}.")
    }
}
