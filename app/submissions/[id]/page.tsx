import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { getSubmission, type SubmissionView } from "@/lib/submissions/get-submission";
import { siteBaseUrl } from "@/app/_components/base-url";
import { LiveSubmission } from "./live-submission";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Submission" };

export default async function SubmissionPage({ params }: Props) {
  const { id } = await params;
  let view: SubmissionView;
  try {
    view = await getSubmission(getDb(), id, { baseUrl: await siteBaseUrl() });
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  return <LiveSubmission initial={view} />;
}
