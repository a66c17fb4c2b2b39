"use client";
// The last resort, when even the site's layout could not be rendered: a whole document of its own, no styles.
// The layout itself failed: a full reload is the one retry that renders everything again.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem" }}>
        <main role="alert" data-testid="page-error">
          <h1>frugalboard is unavailable for a moment</h1>
          <p>
            The site could not read its data, usually because its database is restarting or under maintenance. Nothing you submitted is lost:
            queued benchmarks run once it is back. Try again in a minute.
          </p>
          <button type="button" onClick={() => window.location.reload()}>
            Try again
          </button>
          {error.digest ? <p style={{ fontSize: "0.75rem", color: "#64748b" }}>Reference for the site&apos;s operators: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
