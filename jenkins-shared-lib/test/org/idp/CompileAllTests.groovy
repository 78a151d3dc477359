package org.idp

import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.Phases
import org.junit.Test

/** Every Groovy file of the library compiles with Groovy 2.4, as Jenkins will compile it. */
class CompileAllTests {
    // Not PipelineHarness.LIBRARY: the harness itself needs vars/ to compile, and this test must report when they do not.
    static final File LIBRARY = new File(System.getProperty('idp.library', '.')).canonicalFile

    static List<File> groovyFiles(String folder) {
        List<File> files = []
        new File(LIBRARY, folder).eachFileRecurse { File file ->
            if (file.name.endsWith('.groovy')) {
                files << file
            }
        }
        return files.sort { it.path }
    }

    void compile(List<File> files) {
        if (files.isEmpty()) {
            throw new AssertionError('No Groovy files found to compile; the library layout changed?' as Object)
        }
        CompilationUnit unit = new CompilationUnit(new CompilerConfiguration(), null, new GroovyClassLoader(getClass().classLoader))
        // vars/ scripts share a class name space with src/ in Jenkins, so they are compiled together with it.
        for (File file : files) {
            unit.addSource(file)
        }
        try {
            unit.compile(Phases.CLASS_GENERATION)
        } catch (MultipleCompilationErrorsException e) {
            throw new AssertionError("Groovy 2.4 could not compile the library:\n${e.message}" as Object)
        }
    }

    @Test
    void 'vars and src compile together'() {
        compile(groovyFiles('vars') + groovyFiles('src'))
    }

    @Test
    void 'test harness and tests compile'() {
        compile(groovyFiles('test').findAll { it.name != 'TestRunner.groovy' } + groovyFiles('src'))
    }
}
