// What a link to a page shows when shared (Open Graph, and Twitter's card from the same facts): the page's title
// and description with the site's preview image from public/ (made by scripts/make-brand-images.ts). A page's
// openGraph replaces the layout's whole, so every page that sets its own passes through here.
import type { Metadata } from "next";

export const PREVIEW_IMAGE = {
  url: "/og-image.png",
  width: 1200,
  height: 630,
  alt: "frugalboard: small machine-learning models ranked by accuracy per joule",
};

export function linkPreview(title: string, description: string): Pick<Metadata, "openGraph" | "twitter"> {
  return {
    openGraph: { title, description, siteName: "frugalboard", type: "website", images: [PREVIEW_IMAGE] },
    twitter: { card: "summary_large_image", title, description, images: [PREVIEW_IMAGE.url] },
  };
}

/** The description of a task's board in a link preview. */
export const boardDescription = (taskTitle: string): string =>
  `${taskTitle}: small models ranked by accuracy per joule, with energy per inference, memory and the Pareto front.`;
