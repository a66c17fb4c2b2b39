// SMS Spam Collection v.1: raw message text in, spam score out. The test set is every fifth line (i % 5 == 0,
// 1,115 messages), since the collection has no official split (docs/architecture.md, "Tasks").
import type { TaskDefinition } from "../../types";
import { HALF_DECADE_UPPER_BOUNDS_UJ } from "../shared-facts";

export const SMS_SPAM_FILE = "SMSSpamCollection";

export const smsSpamTask: TaskDefinition = {
  id: "sms-spam",
  title: "SMS spam",
  description:
    "Tell spam from ordinary text messages. Input string [N]: the raw message text as in the collection (UTF-8, " +
    "no lowercasing or tokenising — that is the model's job, inside the graph). Output float32 [N,2] scores, " +
    "index 0 = ham, index 1 = spam.",
  modality: "text",
  contract: {
    input: { elemType: "string", shape: [null] },
    output: { elemType: "float32", shape: [null, 2] },
  },
  classes: 2,
  metric: "accuracy",
  qualityFloor: 0.95,
  qualityFloorReason:
    "Always answering ham scores 86.0 % (959 of 1,115), and a logistic regression on the 200 commonest words reaches " +
    "96.5 %. 95 % keeps every model that learnt the task and refuses one that misses a third of the spam.",
  batchSize: 256,
  energyClasses: {
    dated: "2026-11-29",
    upperBoundsUj: HALF_DECADE_UPPER_BOUNDS_UJ,
    reason:
      "The half-decade steps of mnist, so a class means the same energy on every task (estimate meter, one thread, " +
      "offline): passing the strings to the runtime alone costs about 3.6 µJ per message (a null model), the " +
      "in-graph logistic regressions on 200 words (13 µJ) and 1,500 word n-grams (18 µJ) are D, the MLP on 4,000 " +
      "n-grams (39 µJ) is E.",
  },
  dataset: {
    name: "SMS Spam Collection v.1",
    folder: "sms-spam-collection",
    licence: "CC BY 4.0 (UCI Machine Learning Repository, dataset 228)",
    citation:
      "T. A. Almeida, J. M. Gómez Hidalgo and A. Yamakami, \"Contributions to the study of SMS spam filtering: new " +
      "collection and results\", Proceedings of the 11th ACM Symposium on Document Engineering (DocEng '11), 2011.",
    canonicalUrl: "https://archive.ics.uci.edu/static/public/228/sms+spam+collection.zip",
    download: { kind: "zip", url: "https://archive.ics.uci.edu/static/public/228/sms+spam+collection.zip" },
    files: [{ name: SMS_SPAM_FILE, sha256: "7d039a24a6083ed9ef0f806ebad56bbb976e3aeb8de05669173bfdc4996c239d", bytes: 477_907 }],
  },
};
