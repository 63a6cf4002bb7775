import { Form, Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "react-aria-components";
import { STAFF_LOCALES, SUPPORTED_LOCALES } from "~/i18n/i18n";
import type { ReadingPreferences } from "~/reading/preferences";
import { DisplaySettings, LanguagePicker, QuickExit } from "~/reading/reading-controls";
import { CsrfInput } from "./csrf-input";

type ShellMember = { name: string; role: string; isSafeguardingLead?: boolean } | null;

export function AppShell({
  member,
  demo = false,
  publicPage = false,
  reading,
  children,
}: {
  member: ShellMember;
  demo?: boolean;
  /** A page children and families see: every UI language, display settings and quick exit. */
  publicPage?: boolean;
  reading?: ReadingPreferences;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("shell.skipLink")}
      </a>
      <header className="site-header">
        {demo ? (
          <p className="demo-banner">
            <strong>{t("shell.demoTitle")}</strong> {t("shell.demoText")}
          </p>
        ) : null}
        <div className="site-header__inner">
          <Link to={member ? "/consultations" : "/"} className="site-header__name">
            Heard
          </Link>
          {member ? <StaffNav member={member} /> : null}
          <LanguagePicker languages={publicPage ? SUPPORTED_LOCALES : STAFF_LOCALES} />
        </div>
        {publicPage ? (
          <div className="public-tools-bar">
            <div className="public-tools">
              <DisplaySettings reading={reading} />
              <QuickExit />
            </div>
          </div>
        ) : null}
      </header>
      <HelpBar />
      <main id="main" tabIndex={-1} className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("shell.privacy")}</p>
      </footer>
    </>
  );
}

/** Safeguarding: the same help, in the same place, on every page (DESIGN.md principle 5). */
function HelpBar() {
  const { t } = useTranslation();
  return (
    <aside className="help-bar" aria-label={t("shell.helpLabel")}>
      <p>
        <strong>{t("shell.helpQuestion")}</strong>{" "}
        <a href="tel:08001111">{t("shell.childlineCall")}</a>{" "}
        <a href="https://www.childline.org.uk/" rel="noopener">
          {t("shell.childlineOnline")}
        </a>
      </p>
    </aside>
  );
}

function StaffNav({ member }: { member: NonNullable<ShellMember> }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("shell.staffNav")} className="staff-nav">
      <NavLink to="/consultations">{t("shell.consultations")}</NavLink>
      {member.isSafeguardingLead ? <NavLink to="/safeguarding">{t("shell.safeguarding")}</NavLink> : null}
      {member.role === "admin" || member.role === "officer" ? <NavLink to="/advisors">{t("codesign:advisors.title")}</NavLink> : null}
      {member.role === "admin" ? (
        <>
          <NavLink to="/admin/members">{t("adminNav.members")}</NavLink>
          <NavLink to="/admin/settings">{t("adminNav.settings")}</NavLink>
          <NavLink to="/admin/audit">{t("shell.audit")}</NavLink>
        </>
      ) : null}
      <span className="staff-nav__who">{t("shell.signedInAs", { name: member.name })}</span>
      <Form method="post" action="/sign-out">
        <CsrfInput />
        <Button type="submit" className="link-button">
          {t("shell.signOut")}
        </Button>
      </Form>
    </nav>
  );
}
