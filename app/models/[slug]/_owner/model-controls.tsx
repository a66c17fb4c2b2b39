"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/app/_components/form-styles";
import { DeleteModel } from "./delete-model";
import { EditModelForm, type EditableModel } from "./edit-model-form";
import { HideToggle } from "./hide-toggle";
import { useOwnerScope } from "./owner-scope";

/** The owner's (and admins') controls on the model page; nothing for anyone else. */
export function ModelControls({ model, hidden }: { model: EditableModel; hidden: boolean }) {
  const { canManage, admin } = useOwnerScope();
  const [open, setOpen] = useState<"edit" | "delete" | null>(null);
  if (!canManage) return null;
  const close = () => setOpen(null);

  return (
    <section aria-label="Manage this model" className="space-y-3" data-testid="model-controls">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => setOpen(open === "edit" ? null : "edit")} aria-expanded={open === "edit"} className={secondaryButtonClass}>
          Edit
        </button>
        {admin ? <HideToggle slug={model.slug} hidden={hidden} /> : null}
        <button
          type="button"
          onClick={() => setOpen(open === "delete" ? null : "delete")}
          aria-expanded={open === "delete"}
          className={`${secondaryButtonClass} text-red-700 dark:text-red-400`}
        >
          Delete model
        </button>
      </div>
      {open === "edit" ? <EditModelForm model={model} onDone={close} /> : null}
      {open === "delete" ? <DeleteModel slug={model.slug} onCancel={close} /> : null}
    </section>
  );
}
