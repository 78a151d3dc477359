package org.idp.harness

import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy

/** Stands for Jenkins' @Library so a real Jenkinsfile compiles; the harness always loads the library under test. */
@Retention(RetentionPolicy.SOURCE)
@interface Library {
    String[] value()
}
