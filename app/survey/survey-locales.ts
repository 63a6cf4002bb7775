// survey-core's own texts (Next, Complete, "Response required.") in each UI language: one
// side-effect import per language, never the all-languages bundle.
import { surveyLocalization } from "survey-core";
import "survey-core/i18n/welsh";
import "survey-core/i18n/polish";
import "survey-core/i18n/arabic";
import "survey-core/i18n/urdu";

// survey-core marks Arabic as right-to-left but forgets Urdu.
surveyLocalization.localeDirections.ur = "rtl";
