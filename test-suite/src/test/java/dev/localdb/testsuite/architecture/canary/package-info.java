/**
 * Deliberately wrong code, never run: a miniature localdb whose classes named {@code Broken*}
 * each break one architecture rule, and whose other classes obey them all. ArchitectureCanaryTest
 * runs {@link dev.localdb.testsuite.architecture.LocalDbArchitecture} against it to prove every
 * rule bites.
 */
package dev.localdb.testsuite.architecture.canary;
