// "Draw it" answers as a gallery per drawing question, for staff who may read responses. Each
// image is fetched from its own route and only when scrolled to, so the results page stays light.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";

export type DrawingGalleryData = {
  name: string;
  title: string;
  total: number;
  page: number;
  pages: number;
  drawings: { responseId: string; position: number; answeredOn: string }[];
};

/** The results address with this gallery on another page, every filter kept. */
function pageLink(query: Record<string, string>, question: string, page: number) {
  const params = new URLSearchParams({ ...query, gallery: question, galleryPage: String(page) });
  return `?${params.toString()}#drawings-${encodeURIComponent(question)}`;
}

export function DrawingGalleries({ galleries, consultationId, query }: { galleries: DrawingGalleryData[]; consultationId: string; query: Record<string, string> }) {
  const { t } = useTranslation("context");
  if (galleries.length === 0) return null;
  return (
    <section className="section" aria-labelledby="drawings-heading">
      <h2 id="drawings-heading">{t("drawings.heading")}</h2>
      <p>{t("drawings.intro")}</p>
      {galleries.map((gallery) => {
        const headingId = `drawings-${gallery.name}`;
        return (
          <section key={gallery.name} aria-labelledby={headingId} className="drawing-question">
            <h3 id={headingId} className="heading-s">
              <TypedText>{gallery.title}</TypedText>
            </h3>
            {gallery.total === 0 ? (
              <p>{t("drawings.none")}</p>
            ) : (
              <>
                <p>{t("drawings.count", { count: gallery.total })}</p>
                <ul className="drawing-gallery">
                  {gallery.drawings.map((drawing) => (
                    <li key={drawing.responseId}>
                      <figure className="drawing">
                        <img
                          src={`/consultations/${consultationId}/drawings/${drawing.responseId}/${encodeURIComponent(gallery.name)}`}
                          alt={t("drawings.alt", { position: drawing.position, total: gallery.total, date: drawing.answeredOn })}
                          loading="lazy"
                          decoding="async"
                        />
                        <figcaption>
                          <Link to={`/consultations/${consultationId}/responses/${drawing.responseId}`}>
                            {t("drawings.openResponse")}
                            <span className="visually-hidden"> {t("drawings.withDrawing", { position: drawing.position })}</span>
                          </Link>
                        </figcaption>
                      </figure>
                    </li>
                  ))}
                </ul>
                {gallery.pages > 1 ? (
                  <nav className="gallery-pages" aria-label={t("drawings.pagesOf", { title: gallery.title })}>
                    {gallery.page > 1 ? (
                      <Link to={pageLink(query, gallery.name, gallery.page - 1)} preventScrollReset>
                        {t("drawings.previous")}
                      </Link>
                    ) : null}
                    <span>{t("drawings.pageOf", { page: gallery.page, pages: gallery.pages })}</span>
                    {gallery.page < gallery.pages ? (
                      <Link to={pageLink(query, gallery.name, gallery.page + 1)} preventScrollReset>
                        {t("drawings.next")}
                      </Link>
                    ) : null}
                  </nav>
                ) : null}
              </>
            )}
          </section>
        );
      })}
    </section>
  );
}
