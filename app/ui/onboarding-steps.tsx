import { useI18n } from "~/i18n/context";

/** Where the person is in the three onboarding steps. */
export function OnboardingSteps(props: { current: 1 | 2 | 3 }) {
  const { t } = useI18n();
  const steps = [
    t("onboarding.stepProfile"),
    t("onboarding.stepOrganisation"),
    t("onboarding.stepNetworks"),
  ];
  return (
    <ol className="steps" aria-label={t("onboarding.steps")}>
      {steps.map((label, i) => (
        <li key={label} aria-current={props.current === i + 1 ? "step" : undefined}>
          {t("onboarding.stepN", { n: i + 1 })}: {label}
        </li>
      ))}
    </ol>
  );
}
