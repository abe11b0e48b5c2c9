// Generated from schema/record.schema.json by `npm run generate` (scripts/gen-validators.ts).
// Do not edit by hand: edit the schema and rerun. This is ajv standalone code, compiled at build time.
import func3Module from 'ajv/dist/runtime/ucs2length.js';
export const record = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://trackrecord.dev/schema/record.schema.json","title":"trackrecord history record","description":"One line of a trackrecord history file (JSON Lines, UTF-8, one record per line, each line ending in \"\\n\"): the results of one run for one model. The file is append-only and hash-chained: `prev` is the SHA-256 of the previous line's bytes (without its newline). Per-prompt results are stored as columns indexed like the record's prompt catalog; long texts are stored once per prompt and referenced by a prefix of their SHA-256. A long history is split into files (segments): the open `history.jsonl` and sealed `history-0001.jsonl`, `history-0002.jsonl`, ...; the chain runs through them in order (the first line of a segment holds the hash of the previous segment's last line) and each is self-contained: catalogs and texts are resolved within the same file. A reader that verifies a file should check, beyond this schema: the chain; that `catalog` names a catalog defined in this or an earlier line of the file and that every defined catalog hashes to its ref; that every column has the catalog's length; and that every text ref resolves to a text of that prompt stored in this or an earlier line of the file whose SHA-256 starts with the ref. Version 1 stores texts in `texts`, versions 2 and 3 in `textsGz`; version 3 adds `truncated`. A new field means a new schema version.","type":"object","additionalProperties":false,"required":["schema","prev","run","model","samples","catalog","answers","outputs","passed","errors","latencyMs","tokensOut","metrics"],"properties":{"schema":{"enum":[1,2,3],"description":"Version of this record format: 1 stores texts in `texts`, 2 in `textsGz`; 3 is 2 with `truncated`, and is written only for a record that has truncated samples (a record without them stays 2, so a reader of version 2 reads it). Readers must reject versions they do not know."},"prev":{"$ref":"#/definitions/sha256","description":"SHA-256 (lowercase hex) of the previous line's UTF-8 bytes, without its newline. On the first line: 64 zeros (the genesis value). Changing, removing or reordering any line breaks the chain at the line after it."},"run":{"type":"object","additionalProperties":false,"required":["id","startedAt","finishedAt","trigger","commit","url"],"description":"The run this record belongs to. Several records (one per model) share one run.","properties":{"id":{"type":"string","minLength":1,"description":"Run identifier: the GitHub Actions run id and attempt (`RUNID-ATTEMPT`), or a UTC timestamp plus a random tail for local runs."},"startedAt":{"$ref":"#/definitions/timestamp","description":"When the run started (ISO 8601)."},"finishedAt":{"$ref":"#/definitions/timestamp","description":"When the run finished (ISO 8601)."},"trigger":{"type":"string","description":"The event that started the run: schedule, push, pull_request, workflow_dispatch, or cli."},"commit":{"type":["string","null"],"description":"The commit sha the run was made at, when known."},"url":{"type":["string","null"],"pattern":"^https?://","description":"The workflow run's page, when run on GitHub Actions."}}},"model":{"type":"object","additionalProperties":false,"required":["id","model","host","params","served","systemFingerprints"],"description":"The model endpoint this record measures. Never holds keys or full URLs.","properties":{"id":{"type":"string","minLength":1,"description":"The model's id in the config: names a series of records (and a badge)."},"model":{"type":"string","minLength":1,"description":"The model name requested from the server."},"host":{"type":"string","description":"Host of the server's base URL only (paths and query strings can carry secrets)."},"params":{"type":"object","additionalProperties":false,"description":"Sampling parameters sent with every request, by name as in the config (temperature, top-p, seed, max-tokens).","patternProperties":{"^[A-Za-z][A-Za-z0-9_-]*$":{"type":"number","description":"The value of one sampling parameter."}}},"served":{"type":"array","items":{"type":"string"},"description":"Model names the server reported as having answered (may differ from the one requested)."},"systemFingerprints":{"type":"array","items":{"type":"string"},"description":"System fingerprints the server reported, when it reports them."}}},"samples":{"type":"integer","minimum":1,"description":"Samples (outputs) requested per prompt."},"catalog":{"$ref":"#/definitions/hash16","description":"Ref of this record's prompt catalog: the first 16 hex of the SHA-256 of the catalog's canonical JSON (keys sorted, no whitespace). The catalog is defined under `catalogs` in this or an earlier line. Every column below is indexed like it."},"catalogs":{"type":"object","additionalProperties":false,"description":"Catalogs first used by this record, by ref. A catalog is the ordered list of prompts a record covers.","patternProperties":{"^[0-9a-f]{16}$":{"type":"array","description":"The prompts, in column order.","items":{"type":"array","description":"One prompt: [suite, prompt id, prompt hash, checks hash]. Its key in `texts` and metric lists is `suite/id`.","minItems":4,"maxItems":4,"additionalItems":false,"items":[{"type":"string","minLength":1,"description":"Suite name."},{"type":"string","minLength":1,"description":"Prompt id within the suite."},{"$ref":"#/definitions/hash16","description":"Prompt hash: first 16 hex of the SHA-256 of what shapes the answers: the conversation sent (system prompt included), the sampling parameters, and how the answer is read (extract, normalize, compare). Not the model name. Answers are compared across records only within one prompt hash (a series)."},{"$ref":"#/definitions/hash16","description":"Checks hash: first 16 hex of the SHA-256 of the prompt's checks (`expect`). Pass/fail flips count only between records with the same checks hash."}]}}}},"answers":{"type":"array","description":"Per prompt: ref of the modal (most common) answer in `texts`; null when no sample produced an answer.","items":{"$ref":"#/definitions/textRefOrNull"}},"outputs":{"type":"array","description":"Per prompt: the raw outputs. One ref when every sample gave the same output; else an array with one ref per sample (null for a sample that ended in an error); null when no sample produced an output.","items":{"type":["string","array","null"],"pattern":"^[0-9a-f]{10,64}$","description":"A text ref (every sample gave this output), null (no output), or an array with one text ref or null per sample.","items":{"$ref":"#/definitions/textRefOrNull"}}},"passed":{"type":"array","description":"Per prompt: how many samples passed their checks; null for prompts without checks.","items":{"type":["integer","null"],"minimum":0}},"errors":{"type":"object","additionalProperties":false,"description":"Sparse, by prompt index (as a decimal string): the category of each sample that ended in an error.","patternProperties":{"^\\d+$":{"type":"array","minItems":1,"description":"One category per errored sample.","items":{"$ref":"#/definitions/errorCategory"}}}},"truncated":{"type":"object","additionalProperties":false,"description":"Sparse, by prompt index (as a decimal string): the samples, by index, whose output was cut (the server's `finish_reason` was `length`, or the response passed `max-output-kb`). Not an error: those samples were judged as they came. Absent when no output was cut, and in records written before it existed.","patternProperties":{"^\\d+$":{"type":"array","minItems":1,"uniqueItems":true,"description":"The index of each cut sample, in request order.","items":{"type":"integer","minimum":0}}}},"latencyMs":{"type":"array","description":"Per prompt: median latency in milliseconds of the samples that answered; null when none did.","items":{"type":["number","null"],"minimum":0}},"tokensOut":{"type":"array","description":"Per prompt: output tokens summed over samples, as the server reported them; null when unknown.","items":{"type":["integer","null"],"minimum":0}},"texts":{"type":"object","additionalProperties":false,"description":"Version 1 only. Texts (answers and outputs) first stored in this record, by prompt key (`suite/id`), then by ref. A ref is a prefix (at least 10 hex) of the text's SHA-256, unique among the texts of that prompt. Later records of the same file refer to a stored text by its ref and do not store it again.","patternProperties":{"^[^/]+/.+$":{"type":"object","additionalProperties":false,"description":"The texts of one prompt, by ref.","patternProperties":{"^[0-9a-f]{10,64}$":{"type":"string","description":"The text whose SHA-256 starts with the ref."}}}}},"textsGz":{"type":"string","pattern":"^[A-Za-z0-9+/]*={0,2}$","description":"Version 2 only. The texts first stored in this record (the table version 1 keeps in `texts`: by prompt key, then by ref) as UTF-8 JSON, compressed with gzip, then base64. In Python: `json.loads(gzip.decompress(base64.b64decode(record[\"textsGz\"])))`."},"metrics":{"type":"object","additionalProperties":false,"description":"Summary metrics of this record, computed when it was written (some against the earlier records of the same model).","required":["prompts","checked","passed","passRate","agreement","rawAgreement","comparable","stable","stability","drifted","flapping","regressions","fixes","flipsP","newSeries","errors","latencyMs","tokens","judged","behaved","reliability","reliabilityInterval","window","runsSinceDrift"],"properties":{"prompts":{"$ref":"#/definitions/count","description":"Prompts run (the catalog's length)."},"checked":{"$ref":"#/definitions/count","description":"Samples judged by checks (prompts with checks; errored samples excluded)."},"passed":{"$ref":"#/definitions/count","description":"Checked samples that passed all their checks."},"passRate":{"$ref":"#/definitions/share","description":"passed / checked; null when nothing was checked."},"agreement":{"$ref":"#/definitions/share","description":"TARa@N: among prompts where every sample produced an output, the share whose N sample answers all agree (as the prompt's `compare` judges); null with fewer than 2 samples or no such prompt."},"rawAgreement":{"$ref":"#/definitions/share","description":"TARr@N: the same as `agreement` on raw outputs, compared exactly; null with fewer than 2 samples or no such prompt."},"comparable":{"$ref":"#/definitions/count","description":"Prompts with an answer now and in an earlier record of the same series."},"stable":{"$ref":"#/definitions/count","description":"Comparable prompts whose modal answer did not change."},"stability":{"$ref":"#/definitions/share","description":"stable / comparable; null when nothing was comparable."},"drifted":{"$ref":"#/definitions/promptKeys","description":"Prompt keys whose modal answer changed since the series' previous answer."},"flapping":{"$ref":"#/definitions/promptKeys","description":"The part of `drifted` that went back to an answer seen in the trailing window: noise, not a new behavior."},"regressions":{"$ref":"#/definitions/promptKeys","description":"Prompt keys that passed their checks at the series' previous answer and fail now (only when the checks did not change)."},"fixes":{"$ref":"#/definitions/promptKeys","description":"Prompt keys that failed their checks at the series' previous answer and pass now (only when the checks did not change)."},"flipsP":{"$ref":"#/definitions/share","description":"Two-sided exact McNemar p-value of regressions vs fixes: how likely this many flips are with no real change; null without flips."},"newSeries":{"$ref":"#/definitions/promptKeys","description":"Prompt keys new to this model, or whose text, params or reading changed (the start of a new series)."},"errors":{"type":"object","additionalProperties":false,"description":"Errored samples by category.","required":["rate-limited","timeout","server","auth","bad-response"],"properties":{"rate-limited":{"$ref":"#/definitions/count","description":"HTTP 429 after retries."},"timeout":{"$ref":"#/definitions/count","description":"No answer within the time limit after retries."},"server":{"$ref":"#/definitions/count","description":"HTTP 5xx after retries (records written before `connection` existed count connection failures here too)."},"connection":{"$ref":"#/definitions/count","description":"No answer from the server after retries: connection refused or reset, DNS, TLS. Absent in records written before it existed."},"auth":{"$ref":"#/definitions/count","description":"HTTP 401/403: a missing or wrong key."},"bad-response":{"$ref":"#/definitions/count","description":"Any other error, or a response that could not be read."}}},"errorMessages":{"type":"object","additionalProperties":false,"description":"Why there was no answer: per category of this record's errors, the message of its first one (the server's own words, or the connection failure; API keys masked). Absent when nothing failed, and in records written before it existed.","properties":{"rate-limited":{"$ref":"#/definitions/errorMessage","description":"The first HTTP 429 kept after retries."},"timeout":{"$ref":"#/definitions/errorMessage","description":"The first timeout."},"server":{"$ref":"#/definitions/errorMessage","description":"The first HTTP 5xx."},"connection":{"$ref":"#/definitions/errorMessage","description":"The first connection failure (its system code, e.g. ECONNREFUSED)."},"auth":{"$ref":"#/definitions/errorMessage","description":"The first HTTP 401/403: what the server said about the key."},"bad-response":{"$ref":"#/definitions/errorMessage","description":"The first other error, or why a response could not be read."}}},"latencyMs":{"type":"object","additionalProperties":false,"description":"Latency of the samples that answered, in milliseconds.","required":["p50","p95"],"properties":{"p50":{"type":["number","null"],"minimum":0,"description":"Median; null when no sample answered."},"p95":{"type":["number","null"],"minimum":0,"description":"95th percentile; null when no sample answered."}}},"tokens":{"type":"object","additionalProperties":false,"description":"Tokens summed over all samples, as the server reported them.","required":["in","out"],"properties":{"in":{"$ref":"#/definitions/count","description":"Input (prompt) tokens."},"out":{"$ref":"#/definitions/count","description":"Output (completion) tokens."},"embedding":{"$ref":"#/definitions/count","description":"Tokens of the embeddings requests (`similar` checks, `compare: embedding`), this run's answers and the earlier answers they were compared with. Absent when the run asked for no embeddings."}}},"cost":{"type":"number","minimum":0,"description":"What the run cost in USD: `tokens` at the model's `price` (USD per million input, output and embedding tokens; embedding tokens at the input price unless it names one) from the config. Absent when the model has no price."},"judged":{"$ref":"#/definitions/count","description":"Prompts of this record judged for reliability: those answered that have checks or an earlier answer in their series to compare with."},"behaved":{"$ref":"#/definitions/count","description":"Judged prompts that behaved as recorded: passed their checks by the majority of their samples (where they have checks) and were not named by the drift test as changed (records written before `drift` existed: kept their modal answer where comparable)."},"reliability":{"$ref":"#/definitions/share","description":"Reliability score: `behaved` / `judged`, both summed over the trailing window of this model's records, this one included; null when nothing was judged."},"reliabilityInterval":{"type":["array","null"],"description":"95% Wilson confidence interval [low, high] of `reliability`; null when it is null.","minItems":2,"maxItems":2,"additionalItems":false,"items":[{"type":"number","minimum":0,"maximum":1,"description":"Lower bound."},{"type":"number","minimum":0,"maximum":1,"description":"Upper bound."}]},"window":{"$ref":"#/definitions/count","description":"The config's `window` when this record was written: `reliability` covers this record and up to `window` - 1 earlier records of the model."},"runsSinceDrift":{"type":["integer","null"],"minimum":0,"description":"Records since the last one whose drift was significant (before `drift` existed: drift that was not flapping); 0 when this one's was; null if none ever was."},"drift":{"type":"object","additionalProperties":false,"description":"Whether the model's answer distribution changed beyond noise, judged against every sample of the trailing window (since the last significant drift): a suite-level permutation test, with the changed prompts named at a 5% false discovery rate. Absent in records written before it existed.","required":["significant","p","prompts","detectableShift"],"properties":{"significant":{"type":"boolean","description":"Whether `p` is at most 0.01: an unchanged model alarms on about one night in a hundred."},"p":{"type":["number","null"],"minimum":0,"maximum":1,"description":"The model-level p-value: how likely a difference at least this large is if nothing changed; null when no prompt was comparable."},"prompts":{"$ref":"#/definitions/promptKeys","description":"Prompts named as changed (Benjamini-Hochberg, q = 0.05, among prompts whose own test can reach it); empty unless `significant`."},"detectableShift":{"$ref":"#/definitions/share","description":"The share of one prompt's answers that must move to a new answer for its own exact test to see it at the model's level (p <= 0.01) with 80% power, given this run's samples and reference size; null when one prompt cannot be judged alone yet."}}}}}},"definitions":{"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"A SHA-256 digest, 64 lowercase hex."},"hash16":{"type":"string","pattern":"^[0-9a-f]{16}$","description":"The first 16 hex of a SHA-256 digest."},"textRefOrNull":{"type":["string","null"],"pattern":"^[0-9a-f]{10,64}$","description":"A text ref, or null: a ref is a prefix (10 to 64 lowercase hex) of the text's SHA-256, resolved in `texts` under the same prompt key."},"timestamp":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$","description":"An ISO 8601 date and time with a zone, e.g. 2024-05-01T03:00:00.000Z."},"count":{"type":"integer","minimum":0,"description":"A count, 0 or more."},"share":{"type":["number","null"],"minimum":0,"maximum":1,"description":"A proportion between 0 and 1, or null when undefined."},"promptKeys":{"type":"array","items":{"type":"string","minLength":1},"description":"A list of prompt keys (`suite/id`)."},"errorMessage":{"type":"string","maxLength":2000,"description":"A short message, on one line, safe to show: never a key, never a request body."},"errorCategory":{"enum":["rate-limited","timeout","server","connection","auth","bad-response"],"description":"rate-limited (429), timeout, server (5xx), connection (refused, DNS, TLS; older records count these as server), auth (401/403), bad-response (anything else)."}}};
const schema12 = {"type":"string","pattern":"^[0-9a-f]{64}$","description":"A SHA-256 digest, 64 lowercase hex."};
const schema13 = {"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$","description":"An ISO 8601 date and time with a zone, e.g. 2024-05-01T03:00:00.000Z."};
const schema15 = {"type":"string","pattern":"^[0-9a-f]{16}$","description":"The first 16 hex of a SHA-256 digest."};
const schema18 = {"type":["string","null"],"pattern":"^[0-9a-f]{10,64}$","description":"A text ref, or null: a ref is a prefix (10 to 64 lowercase hex) of the text's SHA-256, resolved in `texts` under the same prompt key."};
const schema20 = {"enum":["rate-limited","timeout","server","connection","auth","bad-response"],"description":"rate-limited (429), timeout, server (5xx), connection (refused, DNS, TLS; older records count these as server), auth (401/403), bad-response (anything else)."};
const schema21 = {"type":"integer","minimum":0,"description":"A count, 0 or more."};
const schema24 = {"type":["number","null"],"minimum":0,"maximum":1,"description":"A proportion between 0 and 1, or null when undefined."};
const schema30 = {"type":"array","items":{"type":"string","minLength":1},"description":"A list of prompt keys (`suite/id`)."};
const schema42 = {"type":"string","maxLength":2000,"description":"A short message, on one line, safe to show: never a key, never a request body."};
const func2 = Object.prototype.hasOwnProperty;
const func3 = typeof func3Module === 'function' ? func3Module : func3Module.default;
const pattern0 = new RegExp("^[0-9a-f]{64}$", "");
const pattern1 = new RegExp("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$", "");
const pattern3 = new RegExp("^https?://", "");
const pattern4 = new RegExp("^[A-Za-z][A-Za-z0-9_-]*$", "");
const pattern6 = new RegExp("^[0-9a-f]{16}$", "");
const pattern11 = new RegExp("^[0-9a-f]{10,64}$", "");
const pattern14 = new RegExp("^\\d+$", "");
const pattern18 = new RegExp("^[^/]+/.+$", "");
const pattern22 = new RegExp("^[A-Za-z0-9+/]*={0,2}$", "");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://trackrecord.dev/schema/record.schema.json" */;
let vErrors = null;
let errors = 0;
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((((((((((((data.schema === undefined) && (missing0 = "schema")) || ((data.prev === undefined) && (missing0 = "prev"))) || ((data.run === undefined) && (missing0 = "run"))) || ((data.model === undefined) && (missing0 = "model"))) || ((data.samples === undefined) && (missing0 = "samples"))) || ((data.catalog === undefined) && (missing0 = "catalog"))) || ((data.answers === undefined) && (missing0 = "answers"))) || ((data.outputs === undefined) && (missing0 = "outputs"))) || ((data.passed === undefined) && (missing0 = "passed"))) || ((data.errors === undefined) && (missing0 = "errors"))) || ((data.latencyMs === undefined) && (missing0 = "latencyMs"))) || ((data.tokensOut === undefined) && (missing0 = "tokensOut"))) || ((data.metrics === undefined) && (missing0 = "metrics"))){
validate10.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
validate10.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.schema !== undefined){
let data0 = data.schema;
const _errs2 = errors;
if(!(((data0 === 1) || (data0 === 2)) || (data0 === 3))){
validate10.errors = [{instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/enum",keyword:"enum",params:{allowedValues: schema11.properties.schema.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.prev !== undefined){
let data1 = data.prev;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
validate10.errors = [{instancePath:instancePath+"/prev",schemaPath:"#/definitions/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/prev",schemaPath:"#/definitions/sha256/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.run !== undefined){
let data2 = data.run;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if(((((((data2.id === undefined) && (missing1 = "id")) || ((data2.startedAt === undefined) && (missing1 = "startedAt"))) || ((data2.finishedAt === undefined) && (missing1 = "finishedAt"))) || ((data2.trigger === undefined) && (missing1 = "trigger"))) || ((data2.commit === undefined) && (missing1 = "commit"))) || ((data2.url === undefined) && (missing1 = "url"))){
validate10.errors = [{instancePath:instancePath+"/run",schemaPath:"#/properties/run/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
const _errs8 = errors;
for(const key1 in data2){
if(!((((((key1 === "id") || (key1 === "startedAt")) || (key1 === "finishedAt")) || (key1 === "trigger")) || (key1 === "commit")) || (key1 === "url"))){
validate10.errors = [{instancePath:instancePath+"/run",schemaPath:"#/properties/run/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs8 === errors){
if(data2.id !== undefined){
let data3 = data2.id;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data3 === "string"){
if(func3(data3) < 1){
validate10.errors = [{instancePath:instancePath+"/run/id",schemaPath:"#/properties/run/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/run/id",schemaPath:"#/properties/run/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs9 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.startedAt !== undefined){
let data4 = data2.startedAt;
const _errs11 = errors;
const _errs12 = errors;
if(errors === _errs12){
if(typeof data4 === "string"){
if(!pattern1.test(data4)){
validate10.errors = [{instancePath:instancePath+"/run/startedAt",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/run/startedAt",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs11 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.finishedAt !== undefined){
let data5 = data2.finishedAt;
const _errs14 = errors;
const _errs15 = errors;
if(errors === _errs15){
if(typeof data5 === "string"){
if(!pattern1.test(data5)){
validate10.errors = [{instancePath:instancePath+"/run/finishedAt",schemaPath:"#/definitions/timestamp/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/run/finishedAt",schemaPath:"#/definitions/timestamp/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid2 = _errs14 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.trigger !== undefined){
const _errs17 = errors;
if(typeof data2.trigger !== "string"){
validate10.errors = [{instancePath:instancePath+"/run/trigger",schemaPath:"#/properties/run/properties/trigger/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs17 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.commit !== undefined){
let data7 = data2.commit;
const _errs19 = errors;
if((typeof data7 !== "string") && (data7 !== null)){
validate10.errors = [{instancePath:instancePath+"/run/commit",schemaPath:"#/properties/run/properties/commit/type",keyword:"type",params:{type: schema11.properties.run.properties.commit.type},message:"must be string,null"}];
return false;
}
var valid2 = _errs19 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data2.url !== undefined){
let data8 = data2.url;
const _errs21 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate10.errors = [{instancePath:instancePath+"/run/url",schemaPath:"#/properties/run/properties/url/type",keyword:"type",params:{type: schema11.properties.run.properties.url.type},message:"must be string,null"}];
return false;
}
if(errors === _errs21){
if(typeof data8 === "string"){
if(!pattern3.test(data8)){
validate10.errors = [{instancePath:instancePath+"/run/url",schemaPath:"#/properties/run/properties/url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\""}];
return false;
}
}
}
var valid2 = _errs21 === errors;
}
else {
var valid2 = true;
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/run",schemaPath:"#/properties/run/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.model !== undefined){
let data9 = data.model;
const _errs23 = errors;
if(errors === _errs23){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing2;
if(((((((data9.id === undefined) && (missing2 = "id")) || ((data9.model === undefined) && (missing2 = "model"))) || ((data9.host === undefined) && (missing2 = "host"))) || ((data9.params === undefined) && (missing2 = "params"))) || ((data9.served === undefined) && (missing2 = "served"))) || ((data9.systemFingerprints === undefined) && (missing2 = "systemFingerprints"))){
validate10.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"}];
return false;
}
else {
const _errs25 = errors;
for(const key2 in data9){
if(!((((((key2 === "id") || (key2 === "model")) || (key2 === "host")) || (key2 === "params")) || (key2 === "served")) || (key2 === "systemFingerprints"))){
validate10.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs25 === errors){
if(data9.id !== undefined){
let data10 = data9.id;
const _errs26 = errors;
if(errors === _errs26){
if(typeof data10 === "string"){
if(func3(data10) < 1){
validate10.errors = [{instancePath:instancePath+"/model/id",schemaPath:"#/properties/model/properties/id/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/model/id",schemaPath:"#/properties/model/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs26 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data9.model !== undefined){
let data11 = data9.model;
const _errs28 = errors;
if(errors === _errs28){
if(typeof data11 === "string"){
if(func3(data11) < 1){
validate10.errors = [{instancePath:instancePath+"/model/model",schemaPath:"#/properties/model/properties/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/model/model",schemaPath:"#/properties/model/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid5 = _errs28 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data9.host !== undefined){
const _errs30 = errors;
if(typeof data9.host !== "string"){
validate10.errors = [{instancePath:instancePath+"/model/host",schemaPath:"#/properties/model/properties/host/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs30 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data9.params !== undefined){
let data13 = data9.params;
const _errs32 = errors;
if(errors === _errs32){
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
const _errs34 = errors;
for(const key3 in data13){
if(!(pattern4.test(key3))){
validate10.errors = [{instancePath:instancePath+"/model/params",schemaPath:"#/properties/model/properties/params/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs34 === errors){
var valid6 = true;
for(const key4 in data13){
if(pattern4.test(key4)){
let data14 = data13[key4];
const _errs35 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
validate10.errors = [{instancePath:instancePath+"/model/params/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/model/properties/params/patternProperties/%5E%5BA-Za-z%5D%5BA-Za-z0-9_-%5D*%24/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid6 = _errs35 === errors;
if(!valid6){
break;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/model/params",schemaPath:"#/properties/model/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid5 = _errs32 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data9.served !== undefined){
let data15 = data9.served;
const _errs37 = errors;
if(errors === _errs37){
if(Array.isArray(data15)){
var valid7 = true;
const len0 = data15.length;
for(let i0=0; i0<len0; i0++){
const _errs39 = errors;
if(typeof data15[i0] !== "string"){
validate10.errors = [{instancePath:instancePath+"/model/served/" + i0,schemaPath:"#/properties/model/properties/served/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid7 = _errs39 === errors;
if(!valid7){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/model/served",schemaPath:"#/properties/model/properties/served/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid5 = _errs37 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data9.systemFingerprints !== undefined){
let data17 = data9.systemFingerprints;
const _errs41 = errors;
if(errors === _errs41){
if(Array.isArray(data17)){
var valid8 = true;
const len1 = data17.length;
for(let i1=0; i1<len1; i1++){
const _errs43 = errors;
if(typeof data17[i1] !== "string"){
validate10.errors = [{instancePath:instancePath+"/model/systemFingerprints/" + i1,schemaPath:"#/properties/model/properties/systemFingerprints/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid8 = _errs43 === errors;
if(!valid8){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/model/systemFingerprints",schemaPath:"#/properties/model/properties/systemFingerprints/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid5 = _errs41 === errors;
}
else {
var valid5 = true;
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/model",schemaPath:"#/properties/model/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.samples !== undefined){
let data19 = data.samples;
const _errs45 = errors;
if(!(((typeof data19 == "number") && (!(data19 % 1) && !isNaN(data19))) && (isFinite(data19)))){
validate10.errors = [{instancePath:instancePath+"/samples",schemaPath:"#/properties/samples/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs45){
if((typeof data19 == "number") && (isFinite(data19))){
if(data19 < 1 || isNaN(data19)){
validate10.errors = [{instancePath:instancePath+"/samples",schemaPath:"#/properties/samples/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
var valid0 = _errs45 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.catalog !== undefined){
let data20 = data.catalog;
const _errs47 = errors;
const _errs48 = errors;
if(errors === _errs48){
if(typeof data20 === "string"){
if(!pattern6.test(data20)){
validate10.errors = [{instancePath:instancePath+"/catalog",schemaPath:"#/definitions/hash16/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{16}$"},message:"must match pattern \""+"^[0-9a-f]{16}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/catalog",schemaPath:"#/definitions/hash16/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs47 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.catalogs !== undefined){
let data21 = data.catalogs;
const _errs50 = errors;
if(errors === _errs50){
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
const _errs52 = errors;
for(const key5 in data21){
if(!(pattern6.test(key5))){
validate10.errors = [{instancePath:instancePath+"/catalogs",schemaPath:"#/properties/catalogs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs52 === errors){
var valid10 = true;
for(const key6 in data21){
if(pattern6.test(key6)){
let data22 = data21[key6];
const _errs53 = errors;
if(errors === _errs53){
if(Array.isArray(data22)){
var valid11 = true;
const len2 = data22.length;
for(let i2=0; i2<len2; i2++){
let data23 = data22[i2];
const _errs55 = errors;
if(errors === _errs55){
if(Array.isArray(data23)){
if(data23.length > 4){
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/items/maxItems",keyword:"maxItems",params:{limit: 4},message:"must NOT have more than 4 items"}];
return false;
}
else {
if(data23.length < 4){
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/items/minItems",keyword:"minItems",params:{limit: 4},message:"must NOT have fewer than 4 items"}];
return false;
}
else {
const len3 = data23.length;
if(!(len3 <= 4)){
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/items/additionalItems",keyword:"additionalItems",params:{limit: 4},message:"must NOT have more than 4 items"}];
return false;
}
else {
const len4 = data23.length;
if(len4 > 0){
let data24 = data23[0];
const _errs57 = errors;
if(errors === _errs57){
if(typeof data24 === "string"){
if(func3(data24) < 1){
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2+"/0",schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/items/items/0/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2+"/0",schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/items/items/0/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid12 = _errs57 === errors;
}
if(valid12){
if(len4 > 1){
let data25 = data23[1];
const _errs59 = errors;
if(errors === _errs59){
if(typeof data25 === "string"){
if(func3(data25) < 1){
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2+"/1",schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/items/items/1/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2+"/1",schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/items/items/1/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid12 = _errs59 === errors;
}
if(valid12){
if(len4 > 2){
let data26 = data23[2];
const _errs61 = errors;
const _errs62 = errors;
if(errors === _errs62){
if(typeof data26 === "string"){
if(!pattern6.test(data26)){
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2+"/2",schemaPath:"#/definitions/hash16/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{16}$"},message:"must match pattern \""+"^[0-9a-f]{16}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2+"/2",schemaPath:"#/definitions/hash16/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid12 = _errs61 === errors;
}
if(valid12){
if(len4 > 3){
let data27 = data23[3];
const _errs64 = errors;
const _errs65 = errors;
if(errors === _errs65){
if(typeof data27 === "string"){
if(!pattern6.test(data27)){
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2+"/3",schemaPath:"#/definitions/hash16/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{16}$"},message:"must match pattern \""+"^[0-9a-f]{16}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2+"/3",schemaPath:"#/definitions/hash16/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid12 = _errs64 === errors;
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/items/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid11 = _errs55 === errors;
if(!valid11){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/catalogs/" + key6.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/catalogs/patternProperties/%5E%5B0-9a-f%5D%7B16%7D%24/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid10 = _errs53 === errors;
if(!valid10){
break;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/catalogs",schemaPath:"#/properties/catalogs/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs50 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.answers !== undefined){
let data28 = data.answers;
const _errs67 = errors;
if(errors === _errs67){
if(Array.isArray(data28)){
var valid15 = true;
const len5 = data28.length;
for(let i3=0; i3<len5; i3++){
let data29 = data28[i3];
const _errs69 = errors;
const _errs70 = errors;
if((typeof data29 !== "string") && (data29 !== null)){
validate10.errors = [{instancePath:instancePath+"/answers/" + i3,schemaPath:"#/definitions/textRefOrNull/type",keyword:"type",params:{type: schema18.type},message:"must be string,null"}];
return false;
}
if(errors === _errs70){
if(typeof data29 === "string"){
if(!pattern11.test(data29)){
validate10.errors = [{instancePath:instancePath+"/answers/" + i3,schemaPath:"#/definitions/textRefOrNull/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{10,64}$"},message:"must match pattern \""+"^[0-9a-f]{10,64}$"+"\""}];
return false;
}
}
}
var valid15 = _errs69 === errors;
if(!valid15){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/answers",schemaPath:"#/properties/answers/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs67 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.outputs !== undefined){
let data30 = data.outputs;
const _errs72 = errors;
if(errors === _errs72){
if(Array.isArray(data30)){
var valid17 = true;
const len6 = data30.length;
for(let i4=0; i4<len6; i4++){
let data31 = data30[i4];
const _errs74 = errors;
if(((typeof data31 !== "string") && (!(Array.isArray(data31)))) && (data31 !== null)){
validate10.errors = [{instancePath:instancePath+"/outputs/" + i4,schemaPath:"#/properties/outputs/items/type",keyword:"type",params:{type: schema11.properties.outputs.items.type},message:"must be string,array,null"}];
return false;
}
if(errors === _errs74){
if(typeof data31 === "string"){
if(!pattern11.test(data31)){
validate10.errors = [{instancePath:instancePath+"/outputs/" + i4,schemaPath:"#/properties/outputs/items/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{10,64}$"},message:"must match pattern \""+"^[0-9a-f]{10,64}$"+"\""}];
return false;
}
}
if(errors === _errs74){
if(Array.isArray(data31)){
var valid18 = true;
const len7 = data31.length;
for(let i5=0; i5<len7; i5++){
let data32 = data31[i5];
const _errs76 = errors;
const _errs77 = errors;
if((typeof data32 !== "string") && (data32 !== null)){
validate10.errors = [{instancePath:instancePath+"/outputs/" + i4+"/" + i5,schemaPath:"#/definitions/textRefOrNull/type",keyword:"type",params:{type: schema18.type},message:"must be string,null"}];
return false;
}
if(errors === _errs77){
if(typeof data32 === "string"){
if(!pattern11.test(data32)){
validate10.errors = [{instancePath:instancePath+"/outputs/" + i4+"/" + i5,schemaPath:"#/definitions/textRefOrNull/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{10,64}$"},message:"must match pattern \""+"^[0-9a-f]{10,64}$"+"\""}];
return false;
}
}
}
var valid18 = _errs76 === errors;
if(!valid18){
break;
}
}
}
}
}
var valid17 = _errs74 === errors;
if(!valid17){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/outputs",schemaPath:"#/properties/outputs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs72 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.passed !== undefined){
let data33 = data.passed;
const _errs79 = errors;
if(errors === _errs79){
if(Array.isArray(data33)){
var valid20 = true;
const len8 = data33.length;
for(let i6=0; i6<len8; i6++){
let data34 = data33[i6];
const _errs81 = errors;
if((!(((typeof data34 == "number") && (!(data34 % 1) && !isNaN(data34))) && (isFinite(data34)))) && (data34 !== null)){
validate10.errors = [{instancePath:instancePath+"/passed/" + i6,schemaPath:"#/properties/passed/items/type",keyword:"type",params:{type: schema11.properties.passed.items.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs81){
if((typeof data34 == "number") && (isFinite(data34))){
if(data34 < 0 || isNaN(data34)){
validate10.errors = [{instancePath:instancePath+"/passed/" + i6,schemaPath:"#/properties/passed/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid20 = _errs81 === errors;
if(!valid20){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/passed",schemaPath:"#/properties/passed/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs79 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.errors !== undefined){
let data35 = data.errors;
const _errs83 = errors;
if(errors === _errs83){
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
const _errs85 = errors;
for(const key7 in data35){
if(!(pattern14.test(key7))){
validate10.errors = [{instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs85 === errors){
var valid21 = true;
for(const key8 in data35){
if(pattern14.test(key8)){
let data36 = data35[key8];
const _errs86 = errors;
if(errors === _errs86){
if(Array.isArray(data36)){
if(data36.length < 1){
validate10.errors = [{instancePath:instancePath+"/errors/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/errors/patternProperties/%5E%5Cd%2B%24/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid22 = true;
const len9 = data36.length;
for(let i7=0; i7<len9; i7++){
let data37 = data36[i7];
const _errs88 = errors;
if(!((((((data37 === "rate-limited") || (data37 === "timeout")) || (data37 === "server")) || (data37 === "connection")) || (data37 === "auth")) || (data37 === "bad-response"))){
validate10.errors = [{instancePath:instancePath+"/errors/" + key8.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i7,schemaPath:"#/definitions/errorCategory/enum",keyword:"enum",params:{allowedValues: schema20.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid22 = _errs88 === errors;
if(!valid22){
break;
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/errors/" + key8.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/errors/patternProperties/%5E%5Cd%2B%24/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid21 = _errs86 === errors;
if(!valid21){
break;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/errors",schemaPath:"#/properties/errors/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs83 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.truncated !== undefined){
let data38 = data.truncated;
const _errs90 = errors;
if(errors === _errs90){
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
const _errs92 = errors;
for(const key9 in data38){
if(!(pattern14.test(key9))){
validate10.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs92 === errors){
var valid24 = true;
for(const key10 in data38){
if(pattern14.test(key10)){
let data39 = data38[key10];
const _errs93 = errors;
if(errors === _errs93){
if(Array.isArray(data39)){
if(data39.length < 1){
validate10.errors = [{instancePath:instancePath+"/truncated/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/truncated/patternProperties/%5E%5Cd%2B%24/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid25 = true;
const len10 = data39.length;
for(let i8=0; i8<len10; i8++){
let data40 = data39[i8];
const _errs95 = errors;
if(!(((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40))) && (isFinite(data40)))){
validate10.errors = [{instancePath:instancePath+"/truncated/" + key10.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i8,schemaPath:"#/properties/truncated/patternProperties/%5E%5Cd%2B%24/items/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs95){
if((typeof data40 == "number") && (isFinite(data40))){
if(data40 < 0 || isNaN(data40)){
validate10.errors = [{instancePath:instancePath+"/truncated/" + key10.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i8,schemaPath:"#/properties/truncated/patternProperties/%5E%5Cd%2B%24/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid25 = _errs95 === errors;
if(!valid25){
break;
}
}
if(valid25){
let i9 = data39.length;
let j0;
if(i9 > 1){
const indices0 = {};
for(;i9--;){
let item0 = data39[i9];
if(!(((typeof item0 == "number") && (!(item0 % 1) && !isNaN(item0))) && (isFinite(item0)))){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
validate10.errors = [{instancePath:instancePath+"/truncated/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/truncated/patternProperties/%5E%5Cd%2B%24/uniqueItems",keyword:"uniqueItems",params:{i: i9, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i9+" are identical)"}];
return false;
break;
}
indices0[item0] = i9;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/truncated/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/truncated/patternProperties/%5E%5Cd%2B%24/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid24 = _errs93 === errors;
if(!valid24){
break;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/truncated",schemaPath:"#/properties/truncated/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs90 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.latencyMs !== undefined){
let data41 = data.latencyMs;
const _errs97 = errors;
if(errors === _errs97){
if(Array.isArray(data41)){
var valid27 = true;
const len11 = data41.length;
for(let i10=0; i10<len11; i10++){
let data42 = data41[i10];
const _errs99 = errors;
if((!((typeof data42 == "number") && (isFinite(data42)))) && (data42 !== null)){
validate10.errors = [{instancePath:instancePath+"/latencyMs/" + i10,schemaPath:"#/properties/latencyMs/items/type",keyword:"type",params:{type: schema11.properties.latencyMs.items.type},message:"must be number,null"}];
return false;
}
if(errors === _errs99){
if((typeof data42 == "number") && (isFinite(data42))){
if(data42 < 0 || isNaN(data42)){
validate10.errors = [{instancePath:instancePath+"/latencyMs/" + i10,schemaPath:"#/properties/latencyMs/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid27 = _errs99 === errors;
if(!valid27){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/latencyMs",schemaPath:"#/properties/latencyMs/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs97 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.tokensOut !== undefined){
let data43 = data.tokensOut;
const _errs101 = errors;
if(errors === _errs101){
if(Array.isArray(data43)){
var valid28 = true;
const len12 = data43.length;
for(let i11=0; i11<len12; i11++){
let data44 = data43[i11];
const _errs103 = errors;
if((!(((typeof data44 == "number") && (!(data44 % 1) && !isNaN(data44))) && (isFinite(data44)))) && (data44 !== null)){
validate10.errors = [{instancePath:instancePath+"/tokensOut/" + i11,schemaPath:"#/properties/tokensOut/items/type",keyword:"type",params:{type: schema11.properties.tokensOut.items.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs103){
if((typeof data44 == "number") && (isFinite(data44))){
if(data44 < 0 || isNaN(data44)){
validate10.errors = [{instancePath:instancePath+"/tokensOut/" + i11,schemaPath:"#/properties/tokensOut/items/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid28 = _errs103 === errors;
if(!valid28){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/tokensOut",schemaPath:"#/properties/tokensOut/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs101 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.texts !== undefined){
let data45 = data.texts;
const _errs105 = errors;
if(errors === _errs105){
if(data45 && typeof data45 == "object" && !Array.isArray(data45)){
const _errs107 = errors;
for(const key11 in data45){
if(!(pattern18.test(key11))){
validate10.errors = [{instancePath:instancePath+"/texts",schemaPath:"#/properties/texts/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs107 === errors){
var valid29 = true;
for(const key12 in data45){
if(pattern18.test(key12)){
let data46 = data45[key12];
const _errs108 = errors;
if(errors === _errs108){
if(data46 && typeof data46 == "object" && !Array.isArray(data46)){
const _errs110 = errors;
for(const key13 in data46){
if(!(pattern11.test(key13))){
validate10.errors = [{instancePath:instancePath+"/texts/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/texts/patternProperties/%5E%5B%5E~1%5D%2B~1.%2B%24/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs110 === errors){
var valid30 = true;
for(const key14 in data46){
if(pattern11.test(key14)){
const _errs111 = errors;
if(typeof data46[key14] !== "string"){
validate10.errors = [{instancePath:instancePath+"/texts/" + key12.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + key14.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/texts/patternProperties/%5E%5B%5E~1%5D%2B~1.%2B%24/patternProperties/%5E%5B0-9a-f%5D%7B10%2C64%7D%24/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid30 = _errs111 === errors;
if(!valid30){
break;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/texts/" + key12.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/texts/patternProperties/%5E%5B%5E~1%5D%2B~1.%2B%24/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid29 = _errs108 === errors;
if(!valid29){
break;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/texts",schemaPath:"#/properties/texts/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs105 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.textsGz !== undefined){
let data48 = data.textsGz;
const _errs113 = errors;
if(errors === _errs113){
if(typeof data48 === "string"){
if(!pattern22.test(data48)){
validate10.errors = [{instancePath:instancePath+"/textsGz",schemaPath:"#/properties/textsGz/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9+/]*={0,2}$"},message:"must match pattern \""+"^[A-Za-z0-9+/]*={0,2}$"+"\""}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/textsGz",schemaPath:"#/properties/textsGz/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs113 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metrics !== undefined){
let data49 = data.metrics;
const _errs115 = errors;
if(errors === _errs115){
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
let missing3;
if(((((((((((((((((((((((((data49.prompts === undefined) && (missing3 = "prompts")) || ((data49.checked === undefined) && (missing3 = "checked"))) || ((data49.passed === undefined) && (missing3 = "passed"))) || ((data49.passRate === undefined) && (missing3 = "passRate"))) || ((data49.agreement === undefined) && (missing3 = "agreement"))) || ((data49.rawAgreement === undefined) && (missing3 = "rawAgreement"))) || ((data49.comparable === undefined) && (missing3 = "comparable"))) || ((data49.stable === undefined) && (missing3 = "stable"))) || ((data49.stability === undefined) && (missing3 = "stability"))) || ((data49.drifted === undefined) && (missing3 = "drifted"))) || ((data49.flapping === undefined) && (missing3 = "flapping"))) || ((data49.regressions === undefined) && (missing3 = "regressions"))) || ((data49.fixes === undefined) && (missing3 = "fixes"))) || ((data49.flipsP === undefined) && (missing3 = "flipsP"))) || ((data49.newSeries === undefined) && (missing3 = "newSeries"))) || ((data49.errors === undefined) && (missing3 = "errors"))) || ((data49.latencyMs === undefined) && (missing3 = "latencyMs"))) || ((data49.tokens === undefined) && (missing3 = "tokens"))) || ((data49.judged === undefined) && (missing3 = "judged"))) || ((data49.behaved === undefined) && (missing3 = "behaved"))) || ((data49.reliability === undefined) && (missing3 = "reliability"))) || ((data49.reliabilityInterval === undefined) && (missing3 = "reliabilityInterval"))) || ((data49.window === undefined) && (missing3 = "window"))) || ((data49.runsSinceDrift === undefined) && (missing3 = "runsSinceDrift"))){
validate10.errors = [{instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/required",keyword:"required",params:{missingProperty: missing3},message:"must have required property '"+missing3+"'"}];
return false;
}
else {
const _errs117 = errors;
for(const key15 in data49){
if(!(func2.call(schema11.properties.metrics.properties, key15))){
validate10.errors = [{instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs117 === errors){
if(data49.prompts !== undefined){
let data50 = data49.prompts;
const _errs118 = errors;
const _errs119 = errors;
if(!(((typeof data50 == "number") && (!(data50 % 1) && !isNaN(data50))) && (isFinite(data50)))){
validate10.errors = [{instancePath:instancePath+"/metrics/prompts",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs119){
if((typeof data50 == "number") && (isFinite(data50))){
if(data50 < 0 || isNaN(data50)){
validate10.errors = [{instancePath:instancePath+"/metrics/prompts",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs118 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.checked !== undefined){
let data51 = data49.checked;
const _errs121 = errors;
const _errs122 = errors;
if(!(((typeof data51 == "number") && (!(data51 % 1) && !isNaN(data51))) && (isFinite(data51)))){
validate10.errors = [{instancePath:instancePath+"/metrics/checked",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs122){
if((typeof data51 == "number") && (isFinite(data51))){
if(data51 < 0 || isNaN(data51)){
validate10.errors = [{instancePath:instancePath+"/metrics/checked",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs121 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.passed !== undefined){
let data52 = data49.passed;
const _errs124 = errors;
const _errs125 = errors;
if(!(((typeof data52 == "number") && (!(data52 % 1) && !isNaN(data52))) && (isFinite(data52)))){
validate10.errors = [{instancePath:instancePath+"/metrics/passed",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs125){
if((typeof data52 == "number") && (isFinite(data52))){
if(data52 < 0 || isNaN(data52)){
validate10.errors = [{instancePath:instancePath+"/metrics/passed",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs124 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.passRate !== undefined){
let data53 = data49.passRate;
const _errs127 = errors;
const _errs128 = errors;
if((!((typeof data53 == "number") && (isFinite(data53)))) && (data53 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/passRate",schemaPath:"#/definitions/share/type",keyword:"type",params:{type: schema24.type},message:"must be number,null"}];
return false;
}
if(errors === _errs128){
if((typeof data53 == "number") && (isFinite(data53))){
if(data53 > 1 || isNaN(data53)){
validate10.errors = [{instancePath:instancePath+"/metrics/passRate",schemaPath:"#/definitions/share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data53 < 0 || isNaN(data53)){
validate10.errors = [{instancePath:instancePath+"/metrics/passRate",schemaPath:"#/definitions/share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid31 = _errs127 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.agreement !== undefined){
let data54 = data49.agreement;
const _errs130 = errors;
const _errs131 = errors;
if((!((typeof data54 == "number") && (isFinite(data54)))) && (data54 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/agreement",schemaPath:"#/definitions/share/type",keyword:"type",params:{type: schema24.type},message:"must be number,null"}];
return false;
}
if(errors === _errs131){
if((typeof data54 == "number") && (isFinite(data54))){
if(data54 > 1 || isNaN(data54)){
validate10.errors = [{instancePath:instancePath+"/metrics/agreement",schemaPath:"#/definitions/share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data54 < 0 || isNaN(data54)){
validate10.errors = [{instancePath:instancePath+"/metrics/agreement",schemaPath:"#/definitions/share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid31 = _errs130 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.rawAgreement !== undefined){
let data55 = data49.rawAgreement;
const _errs133 = errors;
const _errs134 = errors;
if((!((typeof data55 == "number") && (isFinite(data55)))) && (data55 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/rawAgreement",schemaPath:"#/definitions/share/type",keyword:"type",params:{type: schema24.type},message:"must be number,null"}];
return false;
}
if(errors === _errs134){
if((typeof data55 == "number") && (isFinite(data55))){
if(data55 > 1 || isNaN(data55)){
validate10.errors = [{instancePath:instancePath+"/metrics/rawAgreement",schemaPath:"#/definitions/share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data55 < 0 || isNaN(data55)){
validate10.errors = [{instancePath:instancePath+"/metrics/rawAgreement",schemaPath:"#/definitions/share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid31 = _errs133 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.comparable !== undefined){
let data56 = data49.comparable;
const _errs136 = errors;
const _errs137 = errors;
if(!(((typeof data56 == "number") && (!(data56 % 1) && !isNaN(data56))) && (isFinite(data56)))){
validate10.errors = [{instancePath:instancePath+"/metrics/comparable",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs137){
if((typeof data56 == "number") && (isFinite(data56))){
if(data56 < 0 || isNaN(data56)){
validate10.errors = [{instancePath:instancePath+"/metrics/comparable",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs136 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.stable !== undefined){
let data57 = data49.stable;
const _errs139 = errors;
const _errs140 = errors;
if(!(((typeof data57 == "number") && (!(data57 % 1) && !isNaN(data57))) && (isFinite(data57)))){
validate10.errors = [{instancePath:instancePath+"/metrics/stable",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs140){
if((typeof data57 == "number") && (isFinite(data57))){
if(data57 < 0 || isNaN(data57)){
validate10.errors = [{instancePath:instancePath+"/metrics/stable",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs139 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.stability !== undefined){
let data58 = data49.stability;
const _errs142 = errors;
const _errs143 = errors;
if((!((typeof data58 == "number") && (isFinite(data58)))) && (data58 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/stability",schemaPath:"#/definitions/share/type",keyword:"type",params:{type: schema24.type},message:"must be number,null"}];
return false;
}
if(errors === _errs143){
if((typeof data58 == "number") && (isFinite(data58))){
if(data58 > 1 || isNaN(data58)){
validate10.errors = [{instancePath:instancePath+"/metrics/stability",schemaPath:"#/definitions/share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data58 < 0 || isNaN(data58)){
validate10.errors = [{instancePath:instancePath+"/metrics/stability",schemaPath:"#/definitions/share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid31 = _errs142 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.drifted !== undefined){
let data59 = data49.drifted;
const _errs145 = errors;
const _errs146 = errors;
if(errors === _errs146){
if(Array.isArray(data59)){
var valid42 = true;
const len13 = data59.length;
for(let i12=0; i12<len13; i12++){
let data60 = data59[i12];
const _errs148 = errors;
if(errors === _errs148){
if(typeof data60 === "string"){
if(func3(data60) < 1){
validate10.errors = [{instancePath:instancePath+"/metrics/drifted/" + i12,schemaPath:"#/definitions/promptKeys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/drifted/" + i12,schemaPath:"#/definitions/promptKeys/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid42 = _errs148 === errors;
if(!valid42){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/drifted",schemaPath:"#/definitions/promptKeys/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid31 = _errs145 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.flapping !== undefined){
let data61 = data49.flapping;
const _errs150 = errors;
const _errs151 = errors;
if(errors === _errs151){
if(Array.isArray(data61)){
var valid44 = true;
const len14 = data61.length;
for(let i13=0; i13<len14; i13++){
let data62 = data61[i13];
const _errs153 = errors;
if(errors === _errs153){
if(typeof data62 === "string"){
if(func3(data62) < 1){
validate10.errors = [{instancePath:instancePath+"/metrics/flapping/" + i13,schemaPath:"#/definitions/promptKeys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/flapping/" + i13,schemaPath:"#/definitions/promptKeys/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid44 = _errs153 === errors;
if(!valid44){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/flapping",schemaPath:"#/definitions/promptKeys/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid31 = _errs150 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.regressions !== undefined){
let data63 = data49.regressions;
const _errs155 = errors;
const _errs156 = errors;
if(errors === _errs156){
if(Array.isArray(data63)){
var valid46 = true;
const len15 = data63.length;
for(let i14=0; i14<len15; i14++){
let data64 = data63[i14];
const _errs158 = errors;
if(errors === _errs158){
if(typeof data64 === "string"){
if(func3(data64) < 1){
validate10.errors = [{instancePath:instancePath+"/metrics/regressions/" + i14,schemaPath:"#/definitions/promptKeys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/regressions/" + i14,schemaPath:"#/definitions/promptKeys/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid46 = _errs158 === errors;
if(!valid46){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/regressions",schemaPath:"#/definitions/promptKeys/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid31 = _errs155 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.fixes !== undefined){
let data65 = data49.fixes;
const _errs160 = errors;
const _errs161 = errors;
if(errors === _errs161){
if(Array.isArray(data65)){
var valid48 = true;
const len16 = data65.length;
for(let i15=0; i15<len16; i15++){
let data66 = data65[i15];
const _errs163 = errors;
if(errors === _errs163){
if(typeof data66 === "string"){
if(func3(data66) < 1){
validate10.errors = [{instancePath:instancePath+"/metrics/fixes/" + i15,schemaPath:"#/definitions/promptKeys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/fixes/" + i15,schemaPath:"#/definitions/promptKeys/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid48 = _errs163 === errors;
if(!valid48){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/fixes",schemaPath:"#/definitions/promptKeys/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid31 = _errs160 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.flipsP !== undefined){
let data67 = data49.flipsP;
const _errs165 = errors;
const _errs166 = errors;
if((!((typeof data67 == "number") && (isFinite(data67)))) && (data67 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/flipsP",schemaPath:"#/definitions/share/type",keyword:"type",params:{type: schema24.type},message:"must be number,null"}];
return false;
}
if(errors === _errs166){
if((typeof data67 == "number") && (isFinite(data67))){
if(data67 > 1 || isNaN(data67)){
validate10.errors = [{instancePath:instancePath+"/metrics/flipsP",schemaPath:"#/definitions/share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data67 < 0 || isNaN(data67)){
validate10.errors = [{instancePath:instancePath+"/metrics/flipsP",schemaPath:"#/definitions/share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid31 = _errs165 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.newSeries !== undefined){
let data68 = data49.newSeries;
const _errs168 = errors;
const _errs169 = errors;
if(errors === _errs169){
if(Array.isArray(data68)){
var valid51 = true;
const len17 = data68.length;
for(let i16=0; i16<len17; i16++){
let data69 = data68[i16];
const _errs171 = errors;
if(errors === _errs171){
if(typeof data69 === "string"){
if(func3(data69) < 1){
validate10.errors = [{instancePath:instancePath+"/metrics/newSeries/" + i16,schemaPath:"#/definitions/promptKeys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/newSeries/" + i16,schemaPath:"#/definitions/promptKeys/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid51 = _errs171 === errors;
if(!valid51){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/newSeries",schemaPath:"#/definitions/promptKeys/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid31 = _errs168 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.errors !== undefined){
let data70 = data49.errors;
const _errs173 = errors;
if(errors === _errs173){
if(data70 && typeof data70 == "object" && !Array.isArray(data70)){
let missing4;
if((((((data70["rate-limited"] === undefined) && (missing4 = "rate-limited")) || ((data70.timeout === undefined) && (missing4 = "timeout"))) || ((data70.server === undefined) && (missing4 = "server"))) || ((data70.auth === undefined) && (missing4 = "auth"))) || ((data70["bad-response"] === undefined) && (missing4 = "bad-response"))){
validate10.errors = [{instancePath:instancePath+"/metrics/errors",schemaPath:"#/properties/metrics/properties/errors/required",keyword:"required",params:{missingProperty: missing4},message:"must have required property '"+missing4+"'"}];
return false;
}
else {
const _errs175 = errors;
for(const key16 in data70){
if(!((((((key16 === "rate-limited") || (key16 === "timeout")) || (key16 === "server")) || (key16 === "connection")) || (key16 === "auth")) || (key16 === "bad-response"))){
validate10.errors = [{instancePath:instancePath+"/metrics/errors",schemaPath:"#/properties/metrics/properties/errors/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key16},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs175 === errors){
if(data70["rate-limited"] !== undefined){
let data71 = data70["rate-limited"];
const _errs176 = errors;
const _errs177 = errors;
if(!(((typeof data71 == "number") && (!(data71 % 1) && !isNaN(data71))) && (isFinite(data71)))){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/rate-limited",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs177){
if((typeof data71 == "number") && (isFinite(data71))){
if(data71 < 0 || isNaN(data71)){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/rate-limited",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid52 = _errs176 === errors;
}
else {
var valid52 = true;
}
if(valid52){
if(data70.timeout !== undefined){
let data72 = data70.timeout;
const _errs179 = errors;
const _errs180 = errors;
if(!(((typeof data72 == "number") && (!(data72 % 1) && !isNaN(data72))) && (isFinite(data72)))){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/timeout",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs180){
if((typeof data72 == "number") && (isFinite(data72))){
if(data72 < 0 || isNaN(data72)){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/timeout",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid52 = _errs179 === errors;
}
else {
var valid52 = true;
}
if(valid52){
if(data70.server !== undefined){
let data73 = data70.server;
const _errs182 = errors;
const _errs183 = errors;
if(!(((typeof data73 == "number") && (!(data73 % 1) && !isNaN(data73))) && (isFinite(data73)))){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/server",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs183){
if((typeof data73 == "number") && (isFinite(data73))){
if(data73 < 0 || isNaN(data73)){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/server",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid52 = _errs182 === errors;
}
else {
var valid52 = true;
}
if(valid52){
if(data70.connection !== undefined){
let data74 = data70.connection;
const _errs185 = errors;
const _errs186 = errors;
if(!(((typeof data74 == "number") && (!(data74 % 1) && !isNaN(data74))) && (isFinite(data74)))){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/connection",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs186){
if((typeof data74 == "number") && (isFinite(data74))){
if(data74 < 0 || isNaN(data74)){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/connection",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid52 = _errs185 === errors;
}
else {
var valid52 = true;
}
if(valid52){
if(data70.auth !== undefined){
let data75 = data70.auth;
const _errs188 = errors;
const _errs189 = errors;
if(!(((typeof data75 == "number") && (!(data75 % 1) && !isNaN(data75))) && (isFinite(data75)))){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/auth",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs189){
if((typeof data75 == "number") && (isFinite(data75))){
if(data75 < 0 || isNaN(data75)){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/auth",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid52 = _errs188 === errors;
}
else {
var valid52 = true;
}
if(valid52){
if(data70["bad-response"] !== undefined){
let data76 = data70["bad-response"];
const _errs191 = errors;
const _errs192 = errors;
if(!(((typeof data76 == "number") && (!(data76 % 1) && !isNaN(data76))) && (isFinite(data76)))){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/bad-response",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs192){
if((typeof data76 == "number") && (isFinite(data76))){
if(data76 < 0 || isNaN(data76)){
validate10.errors = [{instancePath:instancePath+"/metrics/errors/bad-response",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid52 = _errs191 === errors;
}
else {
var valid52 = true;
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/errors",schemaPath:"#/properties/metrics/properties/errors/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid31 = _errs173 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.errorMessages !== undefined){
let data77 = data49.errorMessages;
const _errs194 = errors;
if(errors === _errs194){
if(data77 && typeof data77 == "object" && !Array.isArray(data77)){
const _errs196 = errors;
for(const key17 in data77){
if(!((((((key17 === "rate-limited") || (key17 === "timeout")) || (key17 === "server")) || (key17 === "connection")) || (key17 === "auth")) || (key17 === "bad-response"))){
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages",schemaPath:"#/properties/metrics/properties/errorMessages/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key17},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs196 === errors){
if(data77["rate-limited"] !== undefined){
let data78 = data77["rate-limited"];
const _errs197 = errors;
const _errs198 = errors;
if(errors === _errs198){
if(typeof data78 === "string"){
if(func3(data78) > 2000){
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/rate-limited",schemaPath:"#/definitions/errorMessage/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/rate-limited",schemaPath:"#/definitions/errorMessage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid59 = _errs197 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data77.timeout !== undefined){
let data79 = data77.timeout;
const _errs200 = errors;
const _errs201 = errors;
if(errors === _errs201){
if(typeof data79 === "string"){
if(func3(data79) > 2000){
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/timeout",schemaPath:"#/definitions/errorMessage/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/timeout",schemaPath:"#/definitions/errorMessage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid59 = _errs200 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data77.server !== undefined){
let data80 = data77.server;
const _errs203 = errors;
const _errs204 = errors;
if(errors === _errs204){
if(typeof data80 === "string"){
if(func3(data80) > 2000){
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/server",schemaPath:"#/definitions/errorMessage/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/server",schemaPath:"#/definitions/errorMessage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid59 = _errs203 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data77.connection !== undefined){
let data81 = data77.connection;
const _errs206 = errors;
const _errs207 = errors;
if(errors === _errs207){
if(typeof data81 === "string"){
if(func3(data81) > 2000){
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/connection",schemaPath:"#/definitions/errorMessage/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/connection",schemaPath:"#/definitions/errorMessage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid59 = _errs206 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data77.auth !== undefined){
let data82 = data77.auth;
const _errs209 = errors;
const _errs210 = errors;
if(errors === _errs210){
if(typeof data82 === "string"){
if(func3(data82) > 2000){
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/auth",schemaPath:"#/definitions/errorMessage/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/auth",schemaPath:"#/definitions/errorMessage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid59 = _errs209 === errors;
}
else {
var valid59 = true;
}
if(valid59){
if(data77["bad-response"] !== undefined){
let data83 = data77["bad-response"];
const _errs212 = errors;
const _errs213 = errors;
if(errors === _errs213){
if(typeof data83 === "string"){
if(func3(data83) > 2000){
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/bad-response",schemaPath:"#/definitions/errorMessage/maxLength",keyword:"maxLength",params:{limit: 2000},message:"must NOT have more than 2000 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages/bad-response",schemaPath:"#/definitions/errorMessage/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid59 = _errs212 === errors;
}
else {
var valid59 = true;
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/errorMessages",schemaPath:"#/properties/metrics/properties/errorMessages/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid31 = _errs194 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.latencyMs !== undefined){
let data84 = data49.latencyMs;
const _errs215 = errors;
if(errors === _errs215){
if(data84 && typeof data84 == "object" && !Array.isArray(data84)){
let missing5;
if(((data84.p50 === undefined) && (missing5 = "p50")) || ((data84.p95 === undefined) && (missing5 = "p95"))){
validate10.errors = [{instancePath:instancePath+"/metrics/latencyMs",schemaPath:"#/properties/metrics/properties/latencyMs/required",keyword:"required",params:{missingProperty: missing5},message:"must have required property '"+missing5+"'"}];
return false;
}
else {
const _errs217 = errors;
for(const key18 in data84){
if(!((key18 === "p50") || (key18 === "p95"))){
validate10.errors = [{instancePath:instancePath+"/metrics/latencyMs",schemaPath:"#/properties/metrics/properties/latencyMs/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key18},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs217 === errors){
if(data84.p50 !== undefined){
let data85 = data84.p50;
const _errs218 = errors;
if((!((typeof data85 == "number") && (isFinite(data85)))) && (data85 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/latencyMs/p50",schemaPath:"#/properties/metrics/properties/latencyMs/properties/p50/type",keyword:"type",params:{type: schema11.properties.metrics.properties.latencyMs.properties.p50.type},message:"must be number,null"}];
return false;
}
if(errors === _errs218){
if((typeof data85 == "number") && (isFinite(data85))){
if(data85 < 0 || isNaN(data85)){
validate10.errors = [{instancePath:instancePath+"/metrics/latencyMs/p50",schemaPath:"#/properties/metrics/properties/latencyMs/properties/p50/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid66 = _errs218 === errors;
}
else {
var valid66 = true;
}
if(valid66){
if(data84.p95 !== undefined){
let data86 = data84.p95;
const _errs220 = errors;
if((!((typeof data86 == "number") && (isFinite(data86)))) && (data86 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/latencyMs/p95",schemaPath:"#/properties/metrics/properties/latencyMs/properties/p95/type",keyword:"type",params:{type: schema11.properties.metrics.properties.latencyMs.properties.p95.type},message:"must be number,null"}];
return false;
}
if(errors === _errs220){
if((typeof data86 == "number") && (isFinite(data86))){
if(data86 < 0 || isNaN(data86)){
validate10.errors = [{instancePath:instancePath+"/metrics/latencyMs/p95",schemaPath:"#/properties/metrics/properties/latencyMs/properties/p95/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid66 = _errs220 === errors;
}
else {
var valid66 = true;
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/latencyMs",schemaPath:"#/properties/metrics/properties/latencyMs/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid31 = _errs215 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.tokens !== undefined){
let data87 = data49.tokens;
const _errs222 = errors;
if(errors === _errs222){
if(data87 && typeof data87 == "object" && !Array.isArray(data87)){
let missing6;
if(((data87.in === undefined) && (missing6 = "in")) || ((data87.out === undefined) && (missing6 = "out"))){
validate10.errors = [{instancePath:instancePath+"/metrics/tokens",schemaPath:"#/properties/metrics/properties/tokens/required",keyword:"required",params:{missingProperty: missing6},message:"must have required property '"+missing6+"'"}];
return false;
}
else {
const _errs224 = errors;
for(const key19 in data87){
if(!(((key19 === "in") || (key19 === "out")) || (key19 === "embedding"))){
validate10.errors = [{instancePath:instancePath+"/metrics/tokens",schemaPath:"#/properties/metrics/properties/tokens/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key19},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs224 === errors){
if(data87.in !== undefined){
let data88 = data87.in;
const _errs225 = errors;
const _errs226 = errors;
if(!(((typeof data88 == "number") && (!(data88 % 1) && !isNaN(data88))) && (isFinite(data88)))){
validate10.errors = [{instancePath:instancePath+"/metrics/tokens/in",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs226){
if((typeof data88 == "number") && (isFinite(data88))){
if(data88 < 0 || isNaN(data88)){
validate10.errors = [{instancePath:instancePath+"/metrics/tokens/in",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid67 = _errs225 === errors;
}
else {
var valid67 = true;
}
if(valid67){
if(data87.out !== undefined){
let data89 = data87.out;
const _errs228 = errors;
const _errs229 = errors;
if(!(((typeof data89 == "number") && (!(data89 % 1) && !isNaN(data89))) && (isFinite(data89)))){
validate10.errors = [{instancePath:instancePath+"/metrics/tokens/out",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs229){
if((typeof data89 == "number") && (isFinite(data89))){
if(data89 < 0 || isNaN(data89)){
validate10.errors = [{instancePath:instancePath+"/metrics/tokens/out",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid67 = _errs228 === errors;
}
else {
var valid67 = true;
}
if(valid67){
if(data87.embedding !== undefined){
let data90 = data87.embedding;
const _errs231 = errors;
const _errs232 = errors;
if(!(((typeof data90 == "number") && (!(data90 % 1) && !isNaN(data90))) && (isFinite(data90)))){
validate10.errors = [{instancePath:instancePath+"/metrics/tokens/embedding",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs232){
if((typeof data90 == "number") && (isFinite(data90))){
if(data90 < 0 || isNaN(data90)){
validate10.errors = [{instancePath:instancePath+"/metrics/tokens/embedding",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid67 = _errs231 === errors;
}
else {
var valid67 = true;
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/tokens",schemaPath:"#/properties/metrics/properties/tokens/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid31 = _errs222 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.cost !== undefined){
let data91 = data49.cost;
const _errs234 = errors;
if(errors === _errs234){
if((typeof data91 == "number") && (isFinite(data91))){
if(data91 < 0 || isNaN(data91)){
validate10.errors = [{instancePath:instancePath+"/metrics/cost",schemaPath:"#/properties/metrics/properties/cost/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/cost",schemaPath:"#/properties/metrics/properties/cost/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid31 = _errs234 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.judged !== undefined){
let data92 = data49.judged;
const _errs236 = errors;
const _errs237 = errors;
if(!(((typeof data92 == "number") && (!(data92 % 1) && !isNaN(data92))) && (isFinite(data92)))){
validate10.errors = [{instancePath:instancePath+"/metrics/judged",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs237){
if((typeof data92 == "number") && (isFinite(data92))){
if(data92 < 0 || isNaN(data92)){
validate10.errors = [{instancePath:instancePath+"/metrics/judged",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs236 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.behaved !== undefined){
let data93 = data49.behaved;
const _errs239 = errors;
const _errs240 = errors;
if(!(((typeof data93 == "number") && (!(data93 % 1) && !isNaN(data93))) && (isFinite(data93)))){
validate10.errors = [{instancePath:instancePath+"/metrics/behaved",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs240){
if((typeof data93 == "number") && (isFinite(data93))){
if(data93 < 0 || isNaN(data93)){
validate10.errors = [{instancePath:instancePath+"/metrics/behaved",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs239 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.reliability !== undefined){
let data94 = data49.reliability;
const _errs242 = errors;
const _errs243 = errors;
if((!((typeof data94 == "number") && (isFinite(data94)))) && (data94 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliability",schemaPath:"#/definitions/share/type",keyword:"type",params:{type: schema24.type},message:"must be number,null"}];
return false;
}
if(errors === _errs243){
if((typeof data94 == "number") && (isFinite(data94))){
if(data94 > 1 || isNaN(data94)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliability",schemaPath:"#/definitions/share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data94 < 0 || isNaN(data94)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliability",schemaPath:"#/definitions/share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid31 = _errs242 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.reliabilityInterval !== undefined){
let data95 = data49.reliabilityInterval;
const _errs245 = errors;
if((!(Array.isArray(data95))) && (data95 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval",schemaPath:"#/properties/metrics/properties/reliabilityInterval/type",keyword:"type",params:{type: schema11.properties.metrics.properties.reliabilityInterval.type},message:"must be array,null"}];
return false;
}
if(errors === _errs245){
if(Array.isArray(data95)){
if(data95.length > 2){
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval",schemaPath:"#/properties/metrics/properties/reliabilityInterval/maxItems",keyword:"maxItems",params:{limit: 2},message:"must NOT have more than 2 items"}];
return false;
}
else {
if(data95.length < 2){
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval",schemaPath:"#/properties/metrics/properties/reliabilityInterval/minItems",keyword:"minItems",params:{limit: 2},message:"must NOT have fewer than 2 items"}];
return false;
}
else {
const len18 = data95.length;
if(!(len18 <= 2)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval",schemaPath:"#/properties/metrics/properties/reliabilityInterval/additionalItems",keyword:"additionalItems",params:{limit: 2},message:"must NOT have more than 2 items"}];
return false;
}
else {
const len19 = data95.length;
if(len19 > 0){
let data96 = data95[0];
const _errs247 = errors;
if(errors === _errs247){
if((typeof data96 == "number") && (isFinite(data96))){
if(data96 > 1 || isNaN(data96)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval/0",schemaPath:"#/properties/metrics/properties/reliabilityInterval/items/0/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data96 < 0 || isNaN(data96)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval/0",schemaPath:"#/properties/metrics/properties/reliabilityInterval/items/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval/0",schemaPath:"#/properties/metrics/properties/reliabilityInterval/items/0/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid74 = _errs247 === errors;
}
if(valid74){
if(len19 > 1){
let data97 = data95[1];
const _errs249 = errors;
if(errors === _errs249){
if((typeof data97 == "number") && (isFinite(data97))){
if(data97 > 1 || isNaN(data97)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval/1",schemaPath:"#/properties/metrics/properties/reliabilityInterval/items/1/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data97 < 0 || isNaN(data97)){
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval/1",schemaPath:"#/properties/metrics/properties/reliabilityInterval/items/1/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/reliabilityInterval/1",schemaPath:"#/properties/metrics/properties/reliabilityInterval/items/1/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
}
var valid74 = _errs249 === errors;
}
}
}
}
}
}
}
var valid31 = _errs245 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.window !== undefined){
let data98 = data49.window;
const _errs251 = errors;
const _errs252 = errors;
if(!(((typeof data98 == "number") && (!(data98 % 1) && !isNaN(data98))) && (isFinite(data98)))){
validate10.errors = [{instancePath:instancePath+"/metrics/window",schemaPath:"#/definitions/count/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs252){
if((typeof data98 == "number") && (isFinite(data98))){
if(data98 < 0 || isNaN(data98)){
validate10.errors = [{instancePath:instancePath+"/metrics/window",schemaPath:"#/definitions/count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs251 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.runsSinceDrift !== undefined){
let data99 = data49.runsSinceDrift;
const _errs254 = errors;
if((!(((typeof data99 == "number") && (!(data99 % 1) && !isNaN(data99))) && (isFinite(data99)))) && (data99 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/runsSinceDrift",schemaPath:"#/properties/metrics/properties/runsSinceDrift/type",keyword:"type",params:{type: schema11.properties.metrics.properties.runsSinceDrift.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs254){
if((typeof data99 == "number") && (isFinite(data99))){
if(data99 < 0 || isNaN(data99)){
validate10.errors = [{instancePath:instancePath+"/metrics/runsSinceDrift",schemaPath:"#/properties/metrics/properties/runsSinceDrift/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid31 = _errs254 === errors;
}
else {
var valid31 = true;
}
if(valid31){
if(data49.drift !== undefined){
let data100 = data49.drift;
const _errs256 = errors;
if(errors === _errs256){
if(data100 && typeof data100 == "object" && !Array.isArray(data100)){
let missing7;
if(((((data100.significant === undefined) && (missing7 = "significant")) || ((data100.p === undefined) && (missing7 = "p"))) || ((data100.prompts === undefined) && (missing7 = "prompts"))) || ((data100.detectableShift === undefined) && (missing7 = "detectableShift"))){
validate10.errors = [{instancePath:instancePath+"/metrics/drift",schemaPath:"#/properties/metrics/properties/drift/required",keyword:"required",params:{missingProperty: missing7},message:"must have required property '"+missing7+"'"}];
return false;
}
else {
const _errs258 = errors;
for(const key20 in data100){
if(!((((key20 === "significant") || (key20 === "p")) || (key20 === "prompts")) || (key20 === "detectableShift"))){
validate10.errors = [{instancePath:instancePath+"/metrics/drift",schemaPath:"#/properties/metrics/properties/drift/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key20},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs258 === errors){
if(data100.significant !== undefined){
const _errs259 = errors;
if(typeof data100.significant !== "boolean"){
validate10.errors = [{instancePath:instancePath+"/metrics/drift/significant",schemaPath:"#/properties/metrics/properties/drift/properties/significant/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid76 = _errs259 === errors;
}
else {
var valid76 = true;
}
if(valid76){
if(data100.p !== undefined){
let data102 = data100.p;
const _errs261 = errors;
if((!((typeof data102 == "number") && (isFinite(data102)))) && (data102 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/drift/p",schemaPath:"#/properties/metrics/properties/drift/properties/p/type",keyword:"type",params:{type: schema11.properties.metrics.properties.drift.properties.p.type},message:"must be number,null"}];
return false;
}
if(errors === _errs261){
if((typeof data102 == "number") && (isFinite(data102))){
if(data102 > 1 || isNaN(data102)){
validate10.errors = [{instancePath:instancePath+"/metrics/drift/p",schemaPath:"#/properties/metrics/properties/drift/properties/p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data102 < 0 || isNaN(data102)){
validate10.errors = [{instancePath:instancePath+"/metrics/drift/p",schemaPath:"#/properties/metrics/properties/drift/properties/p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid76 = _errs261 === errors;
}
else {
var valid76 = true;
}
if(valid76){
if(data100.prompts !== undefined){
let data103 = data100.prompts;
const _errs263 = errors;
const _errs264 = errors;
if(errors === _errs264){
if(Array.isArray(data103)){
var valid78 = true;
const len20 = data103.length;
for(let i17=0; i17<len20; i17++){
let data104 = data103[i17];
const _errs266 = errors;
if(errors === _errs266){
if(typeof data104 === "string"){
if(func3(data104) < 1){
validate10.errors = [{instancePath:instancePath+"/metrics/drift/prompts/" + i17,schemaPath:"#/definitions/promptKeys/items/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/drift/prompts/" + i17,schemaPath:"#/definitions/promptKeys/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid78 = _errs266 === errors;
if(!valid78){
break;
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/drift/prompts",schemaPath:"#/definitions/promptKeys/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid76 = _errs263 === errors;
}
else {
var valid76 = true;
}
if(valid76){
if(data100.detectableShift !== undefined){
let data105 = data100.detectableShift;
const _errs268 = errors;
const _errs269 = errors;
if((!((typeof data105 == "number") && (isFinite(data105)))) && (data105 !== null)){
validate10.errors = [{instancePath:instancePath+"/metrics/drift/detectableShift",schemaPath:"#/definitions/share/type",keyword:"type",params:{type: schema24.type},message:"must be number,null"}];
return false;
}
if(errors === _errs269){
if((typeof data105 == "number") && (isFinite(data105))){
if(data105 > 1 || isNaN(data105)){
validate10.errors = [{instancePath:instancePath+"/metrics/drift/detectableShift",schemaPath:"#/definitions/share/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1"}];
return false;
}
else {
if(data105 < 0 || isNaN(data105)){
validate10.errors = [{instancePath:instancePath+"/metrics/drift/detectableShift",schemaPath:"#/definitions/share/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid76 = _errs268 === errors;
}
else {
var valid76 = true;
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics/drift",schemaPath:"#/properties/metrics/properties/drift/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid31 = _errs256 === errors;
}
else {
var valid31 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath:instancePath+"/metrics",schemaPath:"#/properties/metrics/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs115 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
}
else {
validate10.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate10.errors = vErrors;
return errors === 0;
}
