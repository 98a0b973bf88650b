/**
 * Machine-readable reports of a check for CI, in plain Java: SARIF 2.1.0 for code scanning
 * ({@link io.github.ankimaven.core.report.CheckReports#writeSarif}), JUnit XML for test-result
 * views ({@link io.github.ankimaven.core.report.CheckReports#writeJUnit}), and the catalogue of
 * rule ids with their descriptions ({@link io.github.ankimaven.core.report.Rules}).
 */
package io.github.ankimaven.core.report;
