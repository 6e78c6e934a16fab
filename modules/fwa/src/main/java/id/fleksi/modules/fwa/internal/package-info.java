/**
 * The policy engine's own workings, for this module alone ({@code ModularityTest}): sanctions, the national frame, the
 * policy form, and the page and API controllers. Other modules use the package above, which also holds, package-private,
 * the facts a decision reads ({@code FwaFacts}), quotas and the pure decisions ({@code WorkModeRule}, {@code CoveredDays},
 * {@code PolicyCheck}).
 */
package id.fleksi.modules.fwa.internal;
