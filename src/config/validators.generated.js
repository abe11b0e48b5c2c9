// Generated from schema/config.schema.json and schema/suite.schema.json by `npm run generate` (scripts/gen-validators.ts).
// Do not edit by hand: edit the schema and rerun. This is ajv standalone code, compiled at build time.
import func4Module from 'ajv/dist/runtime/ucs2length.js';
export const config = validate10;
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://trackrecord.dev/schema/config.schema.json","title":"trackrecord configuration","description":"The trackrecord config file (default `.github/trackrecord.yml`): which models to track, with which prompt suites, and how.","type":"object","additionalProperties":false,"required":["models","suites"],"properties":{"$schema":{"type":"string","description":"Editor hint: the URL of this schema, or its path relative to this file. trackrecord ignores it."},"models":{"type":"array","minItems":1,"description":"The model endpoints to track, each run on every suite. Each `id` names a history series and a badge.","items":{"$ref":"#/definitions/model"}},"suites":{"type":"array","minItems":1,"description":"Prompt suites to run: `builtin:NAME` for a suite shipped with trackrecord, or `{path: FILE}` for one in your repository (relative to the repository root).","items":{"description":"A suite shipped with trackrecord, as `builtin:NAME`, or a suite file in your repository, as `{path: FILE}`.","type":["string","object"],"pattern":"^builtin:[a-z0-9][a-z0-9_-]*$","additionalProperties":false,"required":["path"],"properties":{"path":{"type":"string","minLength":1,"description":"Path of a suite YAML file (`.yaml` or `.yml`), relative to the repository root; it must stay inside the workspace unless `allow-outside-workspace` is set."}}}},"samples":{"type":"integer","minimum":1,"maximum":100,"default":1,"description":"Outputs requested per prompt per run. The agreement metrics need 2 or more; each sample is a separate request."},"concurrency":{"type":"integer","minimum":1,"maximum":1024,"default":4,"description":"Requests in flight across the whole run."},"timeout-seconds":{"type":"number","exclusiveMinimum":0,"maximum":3600,"default":60,"description":"Time limit for one request attempt, in seconds."},"retries":{"type":"integer","minimum":0,"maximum":20,"default":4,"description":"Retries per request on HTTP 429, 5xx, connection errors and timeouts, honoring `retry-after` up to 60 s (a server that asks for a longer wait gets no retry). A request that still fails is recorded as an error of its category, not as a failed check."},"max-output-kb":{"type":"integer","minimum":1,"maximum":65536,"default":256,"description":"Response bytes read per request attempt, in KB (1024 bytes). A longer response is not read further: its output is recorded cut at that point and marked by a line `[cut by trackrecord: the response passed max-output-kb (N KB)]` at its end, so the history cannot grow without bound. A cut response that does not yet hold any message text is recorded as a `bad-response` error."},"history":{"type":"string","minLength":1,"default":".trackrecord/history.jsonl","description":"The history file (JSON Lines, append-only), relative to the repository root; it must stay inside the workspace unless `allow-outside-workspace` is set. See docs/record.md for its format."},"history-max-mb":{"type":"number","exclusiveMinimum":0,"maximum":95,"default":25,"description":"The largest the open history file may grow, in MB (2^20 bytes). An append that would take it past this seals it (renamed `history-0001.jsonl`, `history-0002.jsonl`, ... beside it) and starts a new one, chained to the sealed file's last line: no file comes near GitHub's 50 MB warning or 100 MB limit. See docs/history.md."},"badge":{"type":"string","minLength":1,"pattern":"\\.svg$","default":".trackrecord/badge.svg","description":"The badge SVG, relative to the repository root; `badge.json` and one `badge-<model-id>.svg` per model are written beside it. It must stay inside the workspace unless `allow-outside-workspace` is set."},"allow-outside-workspace":{"type":"boolean","default":false,"description":"Let `history`, `badge` and suite `path`s lead outside the workspace, directly or through a symbolic link. The workspace is the directory trackrecord runs in: the current directory for the CLI, `GITHUB_WORKSPACE` in the action. Off by default, so that a config changed in a pull request cannot make a run read or write files elsewhere on the runner."},"embedding":{"type":"string","minLength":1,"description":"The embedding model for `similar` checks and `compare: embedding`, asked on each model's own endpoint (`/embeddings`) unless the model names its own `embedding`. With `provider: azure`, the name of the embedding deployment.","examples":["text-embedding-3-small","nomic-embed-text"]},"window":{"type":"integer","minimum":1,"maximum":10000,"default":30,"description":"How many of a model's most recent records (the new one included) the reliability score covers, and how far back a changed answer counts as flapping rather than drift."},"thresholds":{"description":"When a run fails (exits non-zero, or fails the workflow step). Without this key: no reliability floor, a check fails on any regression, and a model that answered fewer than half of its requests fails the run. An `auth` error (HTTP 401/403) always fails it.","type":"object","additionalProperties":false,"properties":{"fail-below":{"type":"number","minimum":0,"maximum":1,"description":"Fail when a model's reliability (over the trailing `window`) is below this share, e.g. 0.9 for 90%. Unset: no floor."},"fail-below-availability":{"type":"number","minimum":0,"maximum":1,"default":0.5,"description":"Fail when a model answered fewer than this share of its requests in the run (errors of any category after retries count as unanswered), e.g. 0.9 for 90%. 0 turns it off."},"fail-on-regression":{"type":"boolean","default":true,"description":"Fail when any prompt went from passing its checks to failing them since its previous run with the same checks, beyond noise (the drift test found the model changed and named that prompt, or found the whole suite changed with no prompt named; a flip within noise is reported, never failed), or, for a prompt a pull request (or `run --compare-with`) edited, when the base's version passes and the edited one fails in the same run (with 4 or more samples a version, only where the two versions' answers differ beyond noise). Applies to `trackrecord run` and the action's check mode, not to nightly tracking."}}}},"definitions":{"model":{"description":"One model endpoint: an OpenAI-compatible server, the model requested from it, and how it is sampled. Changing `system` or a sampling parameter starts new series for its prompts.","type":"object","additionalProperties":false,"required":["id","model"],"properties":{"id":{"type":"string","pattern":"^[a-z0-9._-]+$","maxLength":100,"description":"Stable identifier, unique among the models: lowercase letters, digits, `.`, `_`, `-`. Names the model's history series and badge; renaming it starts a new track record.","examples":["gpt-4o-mini","llama3-local"]},"model":{"type":"string","minLength":1,"description":"The model name sent as `model` in each request.","examples":["gpt-4o-mini","llama3.1:8b"]},"base-url":{"type":"string","pattern":"^https?://","default":"https://api.openai.com/v1","description":"Base URL of any OpenAI-compatible server, up to and including its `/v1`: OpenAI, Azure (v1 API), Ollama, vLLM, llama.cpp, OpenRouter, Groq... Only its host is recorded in the history. No user name or password in it (the key goes in `api-key-env`); redirects are followed only within its origin; a key sent over plain `http://` to a host that is not local gets a warning.","examples":["http://localhost:11434/v1","https://openrouter.ai/api/v1"]},"api-key-env":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","description":"Name of the environment variable holding the API key (never the key itself). Default `OPENAI_API_KEY`, or `AZURE_OPENAI_API_KEY` with `provider: azure`. A model on a local server (localhost, 127.x, ::1) that does not set `api-key-env` needs no key; every other model needs its variable set, or `trackrecord run` refuses to start (the action fails, or skips a pull request check)."},"temperature":{"type":"number","minimum":0,"maximum":2,"description":"Sampling temperature sent with every request. 0 makes answers as repeatable as the server allows; unset leaves the server's default."},"top-p":{"type":"number","minimum":0,"maximum":1,"description":"Nucleus sampling, sent as `top_p` with every request; unset leaves the server's default."},"seed":{"type":"integer","description":"Sampling seed sent with every request, for servers that support reproducible sampling."},"max-tokens":{"type":"integer","minimum":1,"description":"Largest number of output tokens per answer, sent as `max_tokens`; to a model that refuses it (OpenAI's reasoning models), as `max_completion_tokens` instead."},"system":{"type":"string","description":"A system message sent first in every conversation with this model, before the prompt's own messages."},"headers":{"type":"object","description":"Extra request headers, e.g. OpenRouter's `HTTP-Referer`. Not for secrets: the key goes in `api-key-env`.","additionalProperties":{"type":"string"}},"provider":{"type":"string","enum":["openai","azure"],"default":"openai","description":"`openai` for every OpenAI-compatible server (OpenAI, Azure's v1 API, Ollama, vLLM, llama.cpp, OpenRouter, Groq...). `azure` for Azure OpenAI's classic deployments: requests go to `{base-url}/openai/deployments/{deployment}/...?api-version=...` with the key in an `api-key` header; `base-url` is then the resource endpoint (`https://NAME.openai.azure.com`) and `api-version` is required."},"price":{"type":"object","additionalProperties":false,"required":["input","output"],"description":"What this model costs, in USD per million tokens. With it, `run --dry-run` estimates the cost of a run, and every record and report shows the cost of its run from the tokens the server reported, embedding tokens included.","properties":{"input":{"type":"number","minimum":0,"maximum":1000000,"description":"USD per million input (prompt) tokens."},"output":{"type":"number","minimum":0,"maximum":1000000,"description":"USD per million output (completion) tokens."},"embedding":{"type":"number","minimum":0,"maximum":1000000,"description":"USD per million embedding tokens (for `similar` checks and `compare: embedding`). Default: the `input` price."}}},"embedding":{"type":"string","minLength":1,"description":"The embedding model asked on this model's endpoint (`/embeddings`) for `similar` checks and `compare: embedding`; overrides the top-level `embedding`. With `provider: azure`, the name of the embedding deployment.","examples":["text-embedding-3-small"]},"deployment":{"type":"string","minLength":1,"description":"With `provider: azure`: the deployment name. Default: `model`."},"api-version":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}(-preview)?$","description":"With `provider: azure`: the API version sent as the `api-version` query parameter.","examples":["2024-10-21"]}}}}};
const schema12 = {"description":"One model endpoint: an OpenAI-compatible server, the model requested from it, and how it is sampled. Changing `system` or a sampling parameter starts new series for its prompts.","type":"object","additionalProperties":false,"required":["id","model"],"properties":{"id":{"type":"string","pattern":"^[a-z0-9._-]+$","maxLength":100,"description":"Stable identifier, unique among the models: lowercase letters, digits, `.`, `_`, `-`. Names the model's history series and badge; renaming it starts a new track record.","examples":["gpt-4o-mini","llama3-local"]},"model":{"type":"string","minLength":1,"description":"The model name sent as `model` in each request.","examples":["gpt-4o-mini","llama3.1:8b"]},"base-url":{"type":"string","pattern":"^https?://","default":"https://api.openai.com/v1","description":"Base URL of any OpenAI-compatible server, up to and including its `/v1`: OpenAI, Azure (v1 API), Ollama, vLLM, llama.cpp, OpenRouter, Groq... Only its host is recorded in the history. No user name or password in it (the key goes in `api-key-env`); redirects are followed only within its origin; a key sent over plain `http://` to a host that is not local gets a warning.","examples":["http://localhost:11434/v1","https://openrouter.ai/api/v1"]},"api-key-env":{"type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]*$","description":"Name of the environment variable holding the API key (never the key itself). Default `OPENAI_API_KEY`, or `AZURE_OPENAI_API_KEY` with `provider: azure`. A model on a local server (localhost, 127.x, ::1) that does not set `api-key-env` needs no key; every other model needs its variable set, or `trackrecord run` refuses to start (the action fails, or skips a pull request check)."},"temperature":{"type":"number","minimum":0,"maximum":2,"description":"Sampling temperature sent with every request. 0 makes answers as repeatable as the server allows; unset leaves the server's default."},"top-p":{"type":"number","minimum":0,"maximum":1,"description":"Nucleus sampling, sent as `top_p` with every request; unset leaves the server's default."},"seed":{"type":"integer","description":"Sampling seed sent with every request, for servers that support reproducible sampling."},"max-tokens":{"type":"integer","minimum":1,"description":"Largest number of output tokens per answer, sent as `max_tokens`; to a model that refuses it (OpenAI's reasoning models), as `max_completion_tokens` instead."},"system":{"type":"string","description":"A system message sent first in every conversation with this model, before the prompt's own messages."},"headers":{"type":"object","description":"Extra request headers, e.g. OpenRouter's `HTTP-Referer`. Not for secrets: the key goes in `api-key-env`.","additionalProperties":{"type":"string"}},"provider":{"type":"string","enum":["openai","azure"],"default":"openai","description":"`openai` for every OpenAI-compatible server (OpenAI, Azure's v1 API, Ollama, vLLM, llama.cpp, OpenRouter, Groq...). `azure` for Azure OpenAI's classic deployments: requests go to `{base-url}/openai/deployments/{deployment}/...?api-version=...` with the key in an `api-key` header; `base-url` is then the resource endpoint (`https://NAME.openai.azure.com`) and `api-version` is required."},"price":{"type":"object","additionalProperties":false,"required":["input","output"],"description":"What this model costs, in USD per million tokens. With it, `run --dry-run` estimates the cost of a run, and every record and report shows the cost of its run from the tokens the server reported, embedding tokens included.","properties":{"input":{"type":"number","minimum":0,"maximum":1000000,"description":"USD per million input (prompt) tokens."},"output":{"type":"number","minimum":0,"maximum":1000000,"description":"USD per million output (completion) tokens."},"embedding":{"type":"number","minimum":0,"maximum":1000000,"description":"USD per million embedding tokens (for `similar` checks and `compare: embedding`). Default: the `input` price."}}},"embedding":{"type":"string","minLength":1,"description":"The embedding model asked on this model's endpoint (`/embeddings`) for `similar` checks and `compare: embedding`; overrides the top-level `embedding`. With `provider: azure`, the name of the embedding deployment.","examples":["text-embedding-3-small"]},"deployment":{"type":"string","minLength":1,"description":"With `provider: azure`: the deployment name. Default: `model`."},"api-version":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}(-preview)?$","description":"With `provider: azure`: the API version sent as the `api-version` query parameter.","examples":["2024-10-21"]}}};
const func2 = Object.prototype.hasOwnProperty;
const func4 = typeof func4Module === 'function' ? func4Module : func4Module.default;
const pattern0 = new RegExp("^[a-z0-9._-]+$", "u");
const pattern1 = new RegExp("^https?://", "u");
const pattern2 = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
const pattern3 = new RegExp("^\\d{4}-\\d{2}-\\d{2}(-preview)?$", "u");
const pattern4 = new RegExp("^builtin:[a-z0-9][a-z0-9_-]*$", "u");
const pattern5 = new RegExp("\\.svg$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://trackrecord.dev/schema/config.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.models === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "models"},message:"must have required property '"+"models"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.suites === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "suites"},message:"must have required property '"+"suites"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.models !== undefined){
let data1 = data.models;
if(Array.isArray(data1)){
if(data1.length < 1){
const err4 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.models,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.id === undefined){
const err5 = {instancePath:instancePath+"/models/" + i0,schemaPath:"#/definitions/model/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema12.required,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data2.model === undefined){
const err6 = {instancePath:instancePath+"/models/" + i0,schemaPath:"#/definitions/model/required",keyword:"required",params:{missingProperty: "model"},message:"must have required property '"+"model"+"'",schema:schema12.required,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key1 in data2){
if(!(func2.call(schema12.properties, key1))){
const err7 = {instancePath:instancePath+"/models/" + i0,schemaPath:"#/definitions/model/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.id !== undefined){
let data3 = data2.id;
if(typeof data3 === "string"){
if(func4(data3) > 100){
const err8 = {instancePath:instancePath+"/models/" + i0+"/id",schemaPath:"#/definitions/model/properties/id/maxLength",keyword:"maxLength",params:{limit: 100},message:"must NOT have more than 100 characters",schema:100,parentSchema:schema12.properties.id,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!pattern0.test(data3)){
const err9 = {instancePath:instancePath+"/models/" + i0+"/id",schemaPath:"#/definitions/model/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9._-]+$"},message:"must match pattern \""+"^[a-z0-9._-]+$"+"\"",schema:"^[a-z0-9._-]+$",parentSchema:schema12.properties.id,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/models/" + i0+"/id",schemaPath:"#/definitions/model/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.id.type,parentSchema:schema12.properties.id,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.model !== undefined){
let data4 = data2.model;
if(typeof data4 === "string"){
if(func4(data4) < 1){
const err11 = {instancePath:instancePath+"/models/" + i0+"/model",schemaPath:"#/definitions/model/properties/model/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.model,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/models/" + i0+"/model",schemaPath:"#/definitions/model/properties/model/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.model.type,parentSchema:schema12.properties.model,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data2["base-url"] !== undefined){
let data5 = data2["base-url"];
if(typeof data5 === "string"){
if(!pattern1.test(data5)){
const err13 = {instancePath:instancePath+"/models/" + i0+"/base-url",schemaPath:"#/definitions/model/properties/base-url/pattern",keyword:"pattern",params:{pattern: "^https?://"},message:"must match pattern \""+"^https?://"+"\"",schema:"^https?://",parentSchema:schema12.properties["base-url"],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/models/" + i0+"/base-url",schemaPath:"#/definitions/model/properties/base-url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["base-url"].type,parentSchema:schema12.properties["base-url"],data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data2["api-key-env"] !== undefined){
let data6 = data2["api-key-env"];
if(typeof data6 === "string"){
if(!pattern2.test(data6)){
const err15 = {instancePath:instancePath+"/models/" + i0+"/api-key-env",schemaPath:"#/definitions/model/properties/api-key-env/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]*$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]*$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]*$",parentSchema:schema12.properties["api-key-env"],data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
else {
const err16 = {instancePath:instancePath+"/models/" + i0+"/api-key-env",schemaPath:"#/definitions/model/properties/api-key-env/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["api-key-env"].type,parentSchema:schema12.properties["api-key-env"],data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data2.temperature !== undefined){
let data7 = data2.temperature;
if(typeof data7 == "number"){
if(data7 > 2 || isNaN(data7)){
const err17 = {instancePath:instancePath+"/models/" + i0+"/temperature",schemaPath:"#/definitions/model/properties/temperature/maximum",keyword:"maximum",params:{comparison: "<=", limit: 2},message:"must be <= 2",schema:2,parentSchema:schema12.properties.temperature,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(data7 < 0 || isNaN(data7)){
const err18 = {instancePath:instancePath+"/models/" + i0+"/temperature",schemaPath:"#/definitions/model/properties/temperature/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.temperature,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/models/" + i0+"/temperature",schemaPath:"#/definitions/model/properties/temperature/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.temperature.type,parentSchema:schema12.properties.temperature,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data2["top-p"] !== undefined){
let data8 = data2["top-p"];
if(typeof data8 == "number"){
if(data8 > 1 || isNaN(data8)){
const err20 = {instancePath:instancePath+"/models/" + i0+"/top-p",schemaPath:"#/definitions/model/properties/top-p/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema12.properties["top-p"],data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(data8 < 0 || isNaN(data8)){
const err21 = {instancePath:instancePath+"/models/" + i0+"/top-p",schemaPath:"#/definitions/model/properties/top-p/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties["top-p"],data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/models/" + i0+"/top-p",schemaPath:"#/definitions/model/properties/top-p/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties["top-p"].type,parentSchema:schema12.properties["top-p"],data:data8};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data2.seed !== undefined){
let data9 = data2.seed;
if(!((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9)))){
const err23 = {instancePath:instancePath+"/models/" + i0+"/seed",schemaPath:"#/definitions/model/properties/seed/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties.seed.type,parentSchema:schema12.properties.seed,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data2["max-tokens"] !== undefined){
let data10 = data2["max-tokens"];
if(!((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10)))){
const err24 = {instancePath:instancePath+"/models/" + i0+"/max-tokens",schemaPath:"#/definitions/model/properties/max-tokens/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema12.properties["max-tokens"].type,parentSchema:schema12.properties["max-tokens"],data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
if(typeof data10 == "number"){
if(data10 < 1 || isNaN(data10)){
const err25 = {instancePath:instancePath+"/models/" + i0+"/max-tokens",schemaPath:"#/definitions/model/properties/max-tokens/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema12.properties["max-tokens"],data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
}
if(data2.system !== undefined){
let data11 = data2.system;
if(typeof data11 !== "string"){
const err26 = {instancePath:instancePath+"/models/" + i0+"/system",schemaPath:"#/definitions/model/properties/system/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.system.type,parentSchema:schema12.properties.system,data:data11};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data2.headers !== undefined){
let data12 = data2.headers;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key2 in data12){
let data13 = data12[key2];
if(typeof data13 !== "string"){
const err27 = {instancePath:instancePath+"/models/" + i0+"/headers/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/model/properties/headers/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.headers.additionalProperties.type,parentSchema:schema12.properties.headers.additionalProperties,data:data13};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/models/" + i0+"/headers",schemaPath:"#/definitions/model/properties/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.headers.type,parentSchema:schema12.properties.headers,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data2.provider !== undefined){
let data14 = data2.provider;
if(typeof data14 !== "string"){
const err29 = {instancePath:instancePath+"/models/" + i0+"/provider",schemaPath:"#/definitions/model/properties/provider/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.provider.type,parentSchema:schema12.properties.provider,data:data14};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(!((data14 === "openai") || (data14 === "azure"))){
const err30 = {instancePath:instancePath+"/models/" + i0+"/provider",schemaPath:"#/definitions/model/properties/provider/enum",keyword:"enum",params:{allowedValues: schema12.properties.provider.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.provider.enum,parentSchema:schema12.properties.provider,data:data14};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data2.price !== undefined){
let data15 = data2.price;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.input === undefined){
const err31 = {instancePath:instancePath+"/models/" + i0+"/price",schemaPath:"#/definitions/model/properties/price/required",keyword:"required",params:{missingProperty: "input"},message:"must have required property '"+"input"+"'",schema:schema12.properties.price.required,parentSchema:schema12.properties.price,data:data15};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data15.output === undefined){
const err32 = {instancePath:instancePath+"/models/" + i0+"/price",schemaPath:"#/definitions/model/properties/price/required",keyword:"required",params:{missingProperty: "output"},message:"must have required property '"+"output"+"'",schema:schema12.properties.price.required,parentSchema:schema12.properties.price,data:data15};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
for(const key3 in data15){
if(!(((key3 === "input") || (key3 === "output")) || (key3 === "embedding"))){
const err33 = {instancePath:instancePath+"/models/" + i0+"/price",schemaPath:"#/definitions/model/properties/price/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema12.properties.price,data:data15};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data15.input !== undefined){
let data16 = data15.input;
if(typeof data16 == "number"){
if(data16 > 1000000 || isNaN(data16)){
const err34 = {instancePath:instancePath+"/models/" + i0+"/price/input",schemaPath:"#/definitions/model/properties/price/properties/input/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema12.properties.price.properties.input,data:data16};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data16 < 0 || isNaN(data16)){
const err35 = {instancePath:instancePath+"/models/" + i0+"/price/input",schemaPath:"#/definitions/model/properties/price/properties/input/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.price.properties.input,data:data16};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
else {
const err36 = {instancePath:instancePath+"/models/" + i0+"/price/input",schemaPath:"#/definitions/model/properties/price/properties/input/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.price.properties.input.type,parentSchema:schema12.properties.price.properties.input,data:data16};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data15.output !== undefined){
let data17 = data15.output;
if(typeof data17 == "number"){
if(data17 > 1000000 || isNaN(data17)){
const err37 = {instancePath:instancePath+"/models/" + i0+"/price/output",schemaPath:"#/definitions/model/properties/price/properties/output/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema12.properties.price.properties.output,data:data17};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
if(data17 < 0 || isNaN(data17)){
const err38 = {instancePath:instancePath+"/models/" + i0+"/price/output",schemaPath:"#/definitions/model/properties/price/properties/output/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.price.properties.output,data:data17};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/models/" + i0+"/price/output",schemaPath:"#/definitions/model/properties/price/properties/output/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.price.properties.output.type,parentSchema:schema12.properties.price.properties.output,data:data17};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data15.embedding !== undefined){
let data18 = data15.embedding;
if(typeof data18 == "number"){
if(data18 > 1000000 || isNaN(data18)){
const err40 = {instancePath:instancePath+"/models/" + i0+"/price/embedding",schemaPath:"#/definitions/model/properties/price/properties/embedding/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1000000},message:"must be <= 1000000",schema:1000000,parentSchema:schema12.properties.price.properties.embedding,data:data18};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
if(data18 < 0 || isNaN(data18)){
const err41 = {instancePath:instancePath+"/models/" + i0+"/price/embedding",schemaPath:"#/definitions/model/properties/price/properties/embedding/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema12.properties.price.properties.embedding,data:data18};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
else {
const err42 = {instancePath:instancePath+"/models/" + i0+"/price/embedding",schemaPath:"#/definitions/model/properties/price/properties/embedding/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema12.properties.price.properties.embedding.type,parentSchema:schema12.properties.price.properties.embedding,data:data18};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/models/" + i0+"/price",schemaPath:"#/definitions/model/properties/price/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.price.type,parentSchema:schema12.properties.price,data:data15};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data2.embedding !== undefined){
let data19 = data2.embedding;
if(typeof data19 === "string"){
if(func4(data19) < 1){
const err44 = {instancePath:instancePath+"/models/" + i0+"/embedding",schemaPath:"#/definitions/model/properties/embedding/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.embedding,data:data19};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/models/" + i0+"/embedding",schemaPath:"#/definitions/model/properties/embedding/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.embedding.type,parentSchema:schema12.properties.embedding,data:data19};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data2.deployment !== undefined){
let data20 = data2.deployment;
if(typeof data20 === "string"){
if(func4(data20) < 1){
const err46 = {instancePath:instancePath+"/models/" + i0+"/deployment",schemaPath:"#/definitions/model/properties/deployment/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema12.properties.deployment,data:data20};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/models/" + i0+"/deployment",schemaPath:"#/definitions/model/properties/deployment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.deployment.type,parentSchema:schema12.properties.deployment,data:data20};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data2["api-version"] !== undefined){
let data21 = data2["api-version"];
if(typeof data21 === "string"){
if(!pattern3.test(data21)){
const err48 = {instancePath:instancePath+"/models/" + i0+"/api-version",schemaPath:"#/definitions/model/properties/api-version/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-\\d{2}-\\d{2}(-preview)?$"},message:"must match pattern \""+"^\\d{4}-\\d{2}-\\d{2}(-preview)?$"+"\"",schema:"^\\d{4}-\\d{2}-\\d{2}(-preview)?$",parentSchema:schema12.properties["api-version"],data:data21};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
else {
const err49 = {instancePath:instancePath+"/models/" + i0+"/api-version",schemaPath:"#/definitions/model/properties/api-version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties["api-version"].type,parentSchema:schema12.properties["api-version"],data:data21};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
}
else {
const err50 = {instancePath:instancePath+"/models/" + i0,schemaPath:"#/definitions/model/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data:data2};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath:instancePath+"/models",schemaPath:"#/properties/models/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.models.type,parentSchema:schema11.properties.models,data:data1};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data.suites !== undefined){
let data22 = data.suites;
if(Array.isArray(data22)){
if(data22.length < 1){
const err52 = {instancePath:instancePath+"/suites",schemaPath:"#/properties/suites/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.suites,data:data22};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
const len1 = data22.length;
for(let i1=0; i1<len1; i1++){
let data23 = data22[i1];
if((typeof data23 !== "string") && (!(data23 && typeof data23 == "object" && !Array.isArray(data23)))){
const err53 = {instancePath:instancePath+"/suites/" + i1,schemaPath:"#/properties/suites/items/type",keyword:"type",params:{type: schema11.properties.suites.items.type},message:"must be string,object",schema:schema11.properties.suites.items.type,parentSchema:schema11.properties.suites.items,data:data23};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(typeof data23 === "string"){
if(!pattern4.test(data23)){
const err54 = {instancePath:instancePath+"/suites/" + i1,schemaPath:"#/properties/suites/items/pattern",keyword:"pattern",params:{pattern: "^builtin:[a-z0-9][a-z0-9_-]*$"},message:"must match pattern \""+"^builtin:[a-z0-9][a-z0-9_-]*$"+"\"",schema:"^builtin:[a-z0-9][a-z0-9_-]*$",parentSchema:schema11.properties.suites.items,data:data23};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
}
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.path === undefined){
const err55 = {instancePath:instancePath+"/suites/" + i1,schemaPath:"#/properties/suites/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema11.properties.suites.items.required,parentSchema:schema11.properties.suites.items,data:data23};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
for(const key4 in data23){
if(!(key4 === "path")){
const err56 = {instancePath:instancePath+"/suites/" + i1,schemaPath:"#/properties/suites/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.suites.items,data:data23};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
if(data23.path !== undefined){
let data24 = data23.path;
if(typeof data24 === "string"){
if(func4(data24) < 1){
const err57 = {instancePath:instancePath+"/suites/" + i1+"/path",schemaPath:"#/properties/suites/items/properties/path/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.suites.items.properties.path,data:data24};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
else {
const err58 = {instancePath:instancePath+"/suites/" + i1+"/path",schemaPath:"#/properties/suites/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.suites.items.properties.path.type,parentSchema:schema11.properties.suites.items.properties.path,data:data24};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
}
}
}
else {
const err59 = {instancePath:instancePath+"/suites",schemaPath:"#/properties/suites/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.suites.type,parentSchema:schema11.properties.suites,data:data22};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data.samples !== undefined){
let data25 = data.samples;
if(!((typeof data25 == "number") && (!(data25 % 1) && !isNaN(data25)))){
const err60 = {instancePath:instancePath+"/samples",schemaPath:"#/properties/samples/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.samples.type,parentSchema:schema11.properties.samples,data:data25};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
if(typeof data25 == "number"){
if(data25 > 100 || isNaN(data25)){
const err61 = {instancePath:instancePath+"/samples",schemaPath:"#/properties/samples/maximum",keyword:"maximum",params:{comparison: "<=", limit: 100},message:"must be <= 100",schema:100,parentSchema:schema11.properties.samples,data:data25};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
if(data25 < 1 || isNaN(data25)){
const err62 = {instancePath:instancePath+"/samples",schemaPath:"#/properties/samples/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.samples,data:data25};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
}
if(data.concurrency !== undefined){
let data26 = data.concurrency;
if(!((typeof data26 == "number") && (!(data26 % 1) && !isNaN(data26)))){
const err63 = {instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.concurrency.type,parentSchema:schema11.properties.concurrency,data:data26};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
if(typeof data26 == "number"){
if(data26 > 1024 || isNaN(data26)){
const err64 = {instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1024},message:"must be <= 1024",schema:1024,parentSchema:schema11.properties.concurrency,data:data26};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
if(data26 < 1 || isNaN(data26)){
const err65 = {instancePath:instancePath+"/concurrency",schemaPath:"#/properties/concurrency/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.concurrency,data:data26};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
if(data["timeout-seconds"] !== undefined){
let data27 = data["timeout-seconds"];
if(typeof data27 == "number"){
if(data27 > 3600 || isNaN(data27)){
const err66 = {instancePath:instancePath+"/timeout-seconds",schemaPath:"#/properties/timeout-seconds/maximum",keyword:"maximum",params:{comparison: "<=", limit: 3600},message:"must be <= 3600",schema:3600,parentSchema:schema11.properties["timeout-seconds"],data:data27};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(data27 <= 0 || isNaN(data27)){
const err67 = {instancePath:instancePath+"/timeout-seconds",schemaPath:"#/properties/timeout-seconds/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties["timeout-seconds"],data:data27};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
else {
const err68 = {instancePath:instancePath+"/timeout-seconds",schemaPath:"#/properties/timeout-seconds/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties["timeout-seconds"].type,parentSchema:schema11.properties["timeout-seconds"],data:data27};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data.retries !== undefined){
let data28 = data.retries;
if(!((typeof data28 == "number") && (!(data28 % 1) && !isNaN(data28)))){
const err69 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.retries.type,parentSchema:schema11.properties.retries,data:data28};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(typeof data28 == "number"){
if(data28 > 20 || isNaN(data28)){
const err70 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/maximum",keyword:"maximum",params:{comparison: "<=", limit: 20},message:"must be <= 20",schema:20,parentSchema:schema11.properties.retries,data:data28};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data28 < 0 || isNaN(data28)){
const err71 = {instancePath:instancePath+"/retries",schemaPath:"#/properties/retries/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.retries,data:data28};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
}
if(data["max-output-kb"] !== undefined){
let data29 = data["max-output-kb"];
if(!((typeof data29 == "number") && (!(data29 % 1) && !isNaN(data29)))){
const err72 = {instancePath:instancePath+"/max-output-kb",schemaPath:"#/properties/max-output-kb/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties["max-output-kb"].type,parentSchema:schema11.properties["max-output-kb"],data:data29};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(typeof data29 == "number"){
if(data29 > 65536 || isNaN(data29)){
const err73 = {instancePath:instancePath+"/max-output-kb",schemaPath:"#/properties/max-output-kb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65536},message:"must be <= 65536",schema:65536,parentSchema:schema11.properties["max-output-kb"],data:data29};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
if(data29 < 1 || isNaN(data29)){
const err74 = {instancePath:instancePath+"/max-output-kb",schemaPath:"#/properties/max-output-kb/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties["max-output-kb"],data:data29};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
}
if(data.history !== undefined){
let data30 = data.history;
if(typeof data30 === "string"){
if(func4(data30) < 1){
const err75 = {instancePath:instancePath+"/history",schemaPath:"#/properties/history/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.history,data:data30};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
else {
const err76 = {instancePath:instancePath+"/history",schemaPath:"#/properties/history/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.history.type,parentSchema:schema11.properties.history,data:data30};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data["history-max-mb"] !== undefined){
let data31 = data["history-max-mb"];
if(typeof data31 == "number"){
if(data31 > 95 || isNaN(data31)){
const err77 = {instancePath:instancePath+"/history-max-mb",schemaPath:"#/properties/history-max-mb/maximum",keyword:"maximum",params:{comparison: "<=", limit: 95},message:"must be <= 95",schema:95,parentSchema:schema11.properties["history-max-mb"],data:data31};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
if(data31 <= 0 || isNaN(data31)){
const err78 = {instancePath:instancePath+"/history-max-mb",schemaPath:"#/properties/history-max-mb/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema11.properties["history-max-mb"],data:data31};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
else {
const err79 = {instancePath:instancePath+"/history-max-mb",schemaPath:"#/properties/history-max-mb/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties["history-max-mb"].type,parentSchema:schema11.properties["history-max-mb"],data:data31};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data.badge !== undefined){
let data32 = data.badge;
if(typeof data32 === "string"){
if(func4(data32) < 1){
const err80 = {instancePath:instancePath+"/badge",schemaPath:"#/properties/badge/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.badge,data:data32};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
if(!pattern5.test(data32)){
const err81 = {instancePath:instancePath+"/badge",schemaPath:"#/properties/badge/pattern",keyword:"pattern",params:{pattern: "\\.svg$"},message:"must match pattern \""+"\\.svg$"+"\"",schema:"\\.svg$",parentSchema:schema11.properties.badge,data:data32};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
else {
const err82 = {instancePath:instancePath+"/badge",schemaPath:"#/properties/badge/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.badge.type,parentSchema:schema11.properties.badge,data:data32};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
if(data["allow-outside-workspace"] !== undefined){
let data33 = data["allow-outside-workspace"];
if(typeof data33 !== "boolean"){
const err83 = {instancePath:instancePath+"/allow-outside-workspace",schemaPath:"#/properties/allow-outside-workspace/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties["allow-outside-workspace"].type,parentSchema:schema11.properties["allow-outside-workspace"],data:data33};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
if(data.embedding !== undefined){
let data34 = data.embedding;
if(typeof data34 === "string"){
if(func4(data34) < 1){
const err84 = {instancePath:instancePath+"/embedding",schemaPath:"#/properties/embedding/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.embedding,data:data34};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
else {
const err85 = {instancePath:instancePath+"/embedding",schemaPath:"#/properties/embedding/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.embedding.type,parentSchema:schema11.properties.embedding,data:data34};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data.window !== undefined){
let data35 = data.window;
if(!((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35)))){
const err86 = {instancePath:instancePath+"/window",schemaPath:"#/properties/window/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.window.type,parentSchema:schema11.properties.window,data:data35};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
if(typeof data35 == "number"){
if(data35 > 10000 || isNaN(data35)){
const err87 = {instancePath:instancePath+"/window",schemaPath:"#/properties/window/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema11.properties.window,data:data35};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
if(data35 < 1 || isNaN(data35)){
const err88 = {instancePath:instancePath+"/window",schemaPath:"#/properties/window/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.window,data:data35};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
}
if(data.thresholds !== undefined){
let data36 = data.thresholds;
if(data36 && typeof data36 == "object" && !Array.isArray(data36)){
for(const key5 in data36){
if(!(((key5 === "fail-below") || (key5 === "fail-below-availability")) || (key5 === "fail-on-regression"))){
const err89 = {instancePath:instancePath+"/thresholds",schemaPath:"#/properties/thresholds/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.thresholds,data:data36};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data36["fail-below"] !== undefined){
let data37 = data36["fail-below"];
if(typeof data37 == "number"){
if(data37 > 1 || isNaN(data37)){
const err90 = {instancePath:instancePath+"/thresholds/fail-below",schemaPath:"#/properties/thresholds/properties/fail-below/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.thresholds.properties["fail-below"],data:data37};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(data37 < 0 || isNaN(data37)){
const err91 = {instancePath:instancePath+"/thresholds/fail-below",schemaPath:"#/properties/thresholds/properties/fail-below/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.thresholds.properties["fail-below"],data:data37};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
else {
const err92 = {instancePath:instancePath+"/thresholds/fail-below",schemaPath:"#/properties/thresholds/properties/fail-below/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.thresholds.properties["fail-below"].type,parentSchema:schema11.properties.thresholds.properties["fail-below"],data:data37};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
if(data36["fail-below-availability"] !== undefined){
let data38 = data36["fail-below-availability"];
if(typeof data38 == "number"){
if(data38 > 1 || isNaN(data38)){
const err93 = {instancePath:instancePath+"/thresholds/fail-below-availability",schemaPath:"#/properties/thresholds/properties/fail-below-availability/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema11.properties.thresholds.properties["fail-below-availability"],data:data38};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
if(data38 < 0 || isNaN(data38)){
const err94 = {instancePath:instancePath+"/thresholds/fail-below-availability",schemaPath:"#/properties/thresholds/properties/fail-below-availability/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema11.properties.thresholds.properties["fail-below-availability"],data:data38};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
else {
const err95 = {instancePath:instancePath+"/thresholds/fail-below-availability",schemaPath:"#/properties/thresholds/properties/fail-below-availability/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.thresholds.properties["fail-below-availability"].type,parentSchema:schema11.properties.thresholds.properties["fail-below-availability"],data:data38};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data36["fail-on-regression"] !== undefined){
let data39 = data36["fail-on-regression"];
if(typeof data39 !== "boolean"){
const err96 = {instancePath:instancePath+"/thresholds/fail-on-regression",schemaPath:"#/properties/thresholds/properties/fail-on-regression/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.thresholds.properties["fail-on-regression"].type,parentSchema:schema11.properties.thresholds.properties["fail-on-regression"],data:data39};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
}
}
else {
const err97 = {instancePath:instancePath+"/thresholds",schemaPath:"#/properties/thresholds/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.thresholds.type,parentSchema:schema11.properties.thresholds,data:data36};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
}
else {
const err98 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

export const suite = validate11;
const schema13 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://trackrecord.dev/schema/suite.schema.json","title":"trackrecord prompt suite","description":"A fixed set of prompts with deterministic checks, run against every configured model.","type":"object","additionalProperties":false,"required":["name","prompts"],"properties":{"$schema":{"type":"string","description":"Editor hint: the URL or path of this schema."},"name":{"type":"string","pattern":"^[a-z0-9][a-z0-9._-]*$","description":"Unique within a run."},"description":{"type":"string","description":"What the suite catches and why its checks are fair; shown in reports."},"prompts":{"type":"array","minItems":1,"items":{"$ref":"#/definitions/prompt"},"description":"The prompts, each with a stable id. Order is kept in reports and history."}},"definitions":{"prompt":{"type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$","maxLength":200,"description":"Stable; changing the prompt's text starts a new series."},"prompt":{"type":"string","minLength":1,"description":"The user message. Use either `prompt` or `messages`."},"messages":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["role","content"],"properties":{"role":{"enum":["system","user","assistant"],"description":"Who speaks: system, user or assistant."},"content":{"type":"string","description":"The text of the turn."}}},"description":"A conversation instead of `prompt`: system, user and assistant turns, ending where the model answers. The model's own `system` prompt goes first."},"extract":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"regex":{"type":"string","minLength":1,"description":"A regular expression (RE2: linear time, no lookarounds or backreferences; see the README): the first capture group that took part in the first match, or the whole match without a group. For the last match, start with a greedy `[\\s\\S]*`."},"flags":{"type":"string","pattern":"^[imsu]*$","description":"Regex flags: i (ignore case), m (^ and $ at line ends), s (. matches newlines), u (accepted; always on)."},"json-path":{"type":"string","pattern":"^\\$","description":"A path into the JSON found in the output: $, .name, ['name'], [index]."}},"description":"How the answer is pulled out of the output before `normalize`: one of `regex` (with optional `flags`) or `json-path`. Without it the answer is the whole output."},"normalize":{"type":"array","items":{"enum":["trim","lowercase","collapse-whitespace","strip-punctuation","strip-markdown"]},"description":"Steps applied in order to the extracted answer (and to expected strings), then a final trim. Default: trim, collapse-whitespace.","default":["trim","collapse-whitespace"]},"compare":{"type":["string","object"],"pattern":"^(exact|similarity|embedding)$","additionalProperties":false,"properties":{"similarity":{"type":"number","exclusiveMinimum":0,"maximum":1,"description":"Token F1 threshold for two answers to count as the same."},"embedding":{"type":["string","boolean"],"minLength":1,"description":"Compare by the cosine similarity of the answers' embeddings, from the endpoint's `/embeddings`: `true` for the embedding model of the model answering (its `embedding`, else the config's), or the name of an embedding model asked on every model's endpoint. Goes with `threshold`."},"threshold":{"type":"number","exclusiveMinimum":0,"maximum":1,"default":0.8,"description":"With `embedding`: the cosine similarity two answers reach to count as the same."}},"description":"How two answers count as the same, between samples and between runs: `exact` (default), `similarity` (token F1 >= 0.8), `{similarity: T}` with your own threshold, `embedding` (cosine similarity of embeddings >= 0.8, with the model's embedding model), or `{embedding: MODEL or true, threshold: T}`. The drift test reads answers compared by `similarity` or `embedding` as free text.","default":"exact","minProperties":1},"expect":{"type":"array","items":{"$ref":"#/definitions/expectation"},"description":"Checks on each sample's answer; all must hold. A prompt without `expect` is still tracked for drift."},"reference":{"type":"string","description":"A known-good output; documentation only, never sent."},"wrong":{"type":"array","items":{"type":"string"},"description":"Known-bad outputs the checks must reject; documentation and tests only."}}},"expectation":{"type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"equals":{"type":["string","number","boolean"],"description":"The answer equals this value (normalized like the answer)."},"contains":{"type":"string","minLength":1,"description":"The answer contains this text (normalized like the answer)."},"not-contains":{"type":"string","minLength":1,"description":"The answer does not contain this text (normalized like the answer)."},"regex":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1,"description":"A regular expression in RE2 syntax (linear time: no lookarounds or backreferences)."},"flags":{"type":"string","pattern":"^[imsu]*$","description":"Regex flags: i (ignore case), m (^ and $ at line ends), s (. matches newlines), u (accepted; always on)."}},"description":"A regular expression the answer must match somewhere (RE2 syntax, linear time: no lookarounds or backreferences): a string, or {pattern, flags}."},"not-regex":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1,"description":"A regular expression in RE2 syntax (linear time: no lookarounds or backreferences)."},"flags":{"type":"string","pattern":"^[imsu]*$","description":"Regex flags: i (ignore case), m (^ and $ at line ends), s (. matches newlines), u (accepted; always on)."}},"description":"A regular expression the answer must not match anywhere (RE2 syntax, linear time: no lookarounds or backreferences): a string, or {pattern, flags}."},"one-of":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]},"description":"The answer equals one of these values (each normalized like the answer)."},"json-schema":{"type":"object","description":"The answer parses as JSON and validates against this JSON Schema (draft-07). `format`s are enforced (those of ajv-formats: `email`, `date`, `date-time`, `uri`, `uuid`, `ipv4`...); a keyword or format that would check nothing (unknown or misspelt, meant for a type the schema does not declare, annotation only) is refused when the suite loads. Its `pattern`s are regular expressions in RE2 syntax, like every regex of a suite (linear time: no lookarounds or backreferences)."},"max-length":{"type":"integer","minimum":0,"description":"The answer has at most this many characters (Unicode code points)."},"min-length":{"type":"integer","minimum":0,"description":"The answer has at least this many characters (Unicode code points)."},"number":{"type":["number","object"],"additionalProperties":false,"required":["equals"],"properties":{"equals":{"type":"number","description":"The expected value."},"tolerance":{"type":"number","minimum":0,"description":"The largest accepted absolute difference (default 0)."}},"description":"The answer is a number (thousands separators allowed) equal to `equals` within `tolerance`; a bare number means tolerance 0."},"word-count":{"type":["integer","object"],"minimum":0,"additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"integer","minimum":0,"description":"At least this many words."},"max":{"type":"integer","minimum":0,"description":"At most this many words."}},"description":"How many words the answer has: an integer for an exact count, or {min, max} (either may be left out) for a range, inclusive. A word is a maximal run of non-whitespace characters, so \"don't\", \"3.5\" and a lone \"-\" are one word each."},"line-count":{"type":["integer","object"],"minimum":0,"additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"integer","minimum":0,"description":"At least this many lines."},"max":{"type":"integer","minimum":0,"description":"At most this many lines."}},"description":"How many non-empty lines the answer has: an integer for an exact count, or {min, max} (either may be left out) for a range, inclusive. Lines holding only whitespace do not count. The default normalize (trim, collapse-whitespace) joins all lines into one, so a prompt with line-count must set a normalize without collapse-whitespace, e.g. [trim]."},"similar":{"type":"object","additionalProperties":false,"required":["to"],"properties":{"to":{"type":"string","minLength":1,"description":"The reference text, normalized like the answer, then embedded."},"threshold":{"type":"number","exclusiveMinimum":0,"maximum":1,"default":0.8,"description":"The least cosine similarity that passes."}},"description":"The answer means about the same as `to`: the cosine similarity of their embeddings (from the endpoint's `/embeddings`, with the model's embedding model: its `embedding`, else the config's) reaches `threshold` (default 0.8)."}}}}};
const pattern6 = new RegExp("^[a-z0-9][a-z0-9._-]*$", "u");
const schema14 = {"type":"object","additionalProperties":false,"required":["id"],"properties":{"id":{"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9._-]*$","maxLength":200,"description":"Stable; changing the prompt's text starts a new series."},"prompt":{"type":"string","minLength":1,"description":"The user message. Use either `prompt` or `messages`."},"messages":{"type":"array","minItems":1,"items":{"type":"object","additionalProperties":false,"required":["role","content"],"properties":{"role":{"enum":["system","user","assistant"],"description":"Who speaks: system, user or assistant."},"content":{"type":"string","description":"The text of the turn."}}},"description":"A conversation instead of `prompt`: system, user and assistant turns, ending where the model answers. The model's own `system` prompt goes first."},"extract":{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"regex":{"type":"string","minLength":1,"description":"A regular expression (RE2: linear time, no lookarounds or backreferences; see the README): the first capture group that took part in the first match, or the whole match without a group. For the last match, start with a greedy `[\\s\\S]*`."},"flags":{"type":"string","pattern":"^[imsu]*$","description":"Regex flags: i (ignore case), m (^ and $ at line ends), s (. matches newlines), u (accepted; always on)."},"json-path":{"type":"string","pattern":"^\\$","description":"A path into the JSON found in the output: $, .name, ['name'], [index]."}},"description":"How the answer is pulled out of the output before `normalize`: one of `regex` (with optional `flags`) or `json-path`. Without it the answer is the whole output."},"normalize":{"type":"array","items":{"enum":["trim","lowercase","collapse-whitespace","strip-punctuation","strip-markdown"]},"description":"Steps applied in order to the extracted answer (and to expected strings), then a final trim. Default: trim, collapse-whitespace.","default":["trim","collapse-whitespace"]},"compare":{"type":["string","object"],"pattern":"^(exact|similarity|embedding)$","additionalProperties":false,"properties":{"similarity":{"type":"number","exclusiveMinimum":0,"maximum":1,"description":"Token F1 threshold for two answers to count as the same."},"embedding":{"type":["string","boolean"],"minLength":1,"description":"Compare by the cosine similarity of the answers' embeddings, from the endpoint's `/embeddings`: `true` for the embedding model of the model answering (its `embedding`, else the config's), or the name of an embedding model asked on every model's endpoint. Goes with `threshold`."},"threshold":{"type":"number","exclusiveMinimum":0,"maximum":1,"default":0.8,"description":"With `embedding`: the cosine similarity two answers reach to count as the same."}},"description":"How two answers count as the same, between samples and between runs: `exact` (default), `similarity` (token F1 >= 0.8), `{similarity: T}` with your own threshold, `embedding` (cosine similarity of embeddings >= 0.8, with the model's embedding model), or `{embedding: MODEL or true, threshold: T}`. The drift test reads answers compared by `similarity` or `embedding` as free text.","default":"exact","minProperties":1},"expect":{"type":"array","items":{"$ref":"#/definitions/expectation"},"description":"Checks on each sample's answer; all must hold. A prompt without `expect` is still tracked for drift."},"reference":{"type":"string","description":"A known-good output; documentation only, never sent."},"wrong":{"type":"array","items":{"type":"string"},"description":"Known-bad outputs the checks must reject; documentation and tests only."}}};
const schema15 = {"type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"equals":{"type":["string","number","boolean"],"description":"The answer equals this value (normalized like the answer)."},"contains":{"type":"string","minLength":1,"description":"The answer contains this text (normalized like the answer)."},"not-contains":{"type":"string","minLength":1,"description":"The answer does not contain this text (normalized like the answer)."},"regex":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1,"description":"A regular expression in RE2 syntax (linear time: no lookarounds or backreferences)."},"flags":{"type":"string","pattern":"^[imsu]*$","description":"Regex flags: i (ignore case), m (^ and $ at line ends), s (. matches newlines), u (accepted; always on)."}},"description":"A regular expression the answer must match somewhere (RE2 syntax, linear time: no lookarounds or backreferences): a string, or {pattern, flags}."},"not-regex":{"type":["string","object"],"minLength":1,"additionalProperties":false,"required":["pattern"],"properties":{"pattern":{"type":"string","minLength":1,"description":"A regular expression in RE2 syntax (linear time: no lookarounds or backreferences)."},"flags":{"type":"string","pattern":"^[imsu]*$","description":"Regex flags: i (ignore case), m (^ and $ at line ends), s (. matches newlines), u (accepted; always on)."}},"description":"A regular expression the answer must not match anywhere (RE2 syntax, linear time: no lookarounds or backreferences): a string, or {pattern, flags}."},"one-of":{"type":"array","minItems":1,"items":{"type":["string","number","boolean"]},"description":"The answer equals one of these values (each normalized like the answer)."},"json-schema":{"type":"object","description":"The answer parses as JSON and validates against this JSON Schema (draft-07). `format`s are enforced (those of ajv-formats: `email`, `date`, `date-time`, `uri`, `uuid`, `ipv4`...); a keyword or format that would check nothing (unknown or misspelt, meant for a type the schema does not declare, annotation only) is refused when the suite loads. Its `pattern`s are regular expressions in RE2 syntax, like every regex of a suite (linear time: no lookarounds or backreferences)."},"max-length":{"type":"integer","minimum":0,"description":"The answer has at most this many characters (Unicode code points)."},"min-length":{"type":"integer","minimum":0,"description":"The answer has at least this many characters (Unicode code points)."},"number":{"type":["number","object"],"additionalProperties":false,"required":["equals"],"properties":{"equals":{"type":"number","description":"The expected value."},"tolerance":{"type":"number","minimum":0,"description":"The largest accepted absolute difference (default 0)."}},"description":"The answer is a number (thousands separators allowed) equal to `equals` within `tolerance`; a bare number means tolerance 0."},"word-count":{"type":["integer","object"],"minimum":0,"additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"integer","minimum":0,"description":"At least this many words."},"max":{"type":"integer","minimum":0,"description":"At most this many words."}},"description":"How many words the answer has: an integer for an exact count, or {min, max} (either may be left out) for a range, inclusive. A word is a maximal run of non-whitespace characters, so \"don't\", \"3.5\" and a lone \"-\" are one word each."},"line-count":{"type":["integer","object"],"minimum":0,"additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"integer","minimum":0,"description":"At least this many lines."},"max":{"type":"integer","minimum":0,"description":"At most this many lines."}},"description":"How many non-empty lines the answer has: an integer for an exact count, or {min, max} (either may be left out) for a range, inclusive. Lines holding only whitespace do not count. The default normalize (trim, collapse-whitespace) joins all lines into one, so a prompt with line-count must set a normalize without collapse-whitespace, e.g. [trim]."},"similar":{"type":"object","additionalProperties":false,"required":["to"],"properties":{"to":{"type":"string","minLength":1,"description":"The reference text, normalized like the answer, then embedded."},"threshold":{"type":"number","exclusiveMinimum":0,"maximum":1,"default":0.8,"description":"The least cosine similarity that passes."}},"description":"The answer means about the same as `to`: the cosine similarity of their embeddings (from the endpoint's `/embeddings`, with the model's embedding model: its `embedding`, else the config's) reaches `threshold` (default 0.8)."}}};
const pattern7 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]*$", "u");
const pattern8 = new RegExp("^[imsu]*$", "u");
const pattern9 = new RegExp("^\\$", "u");
const pattern10 = new RegExp("^(exact|similarity|embedding)$", "u");

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema14.required,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema14.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(func4(data0) > 200){
const err2 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema14.properties.id,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!pattern7.test(data0)){
const err3 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$"},message:"must match pattern \""+"^[A-Za-z0-9][A-Za-z0-9._-]*$"+"\"",schema:"^[A-Za-z0-9][A-Za-z0-9._-]*$",parentSchema:schema14.properties.id,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.id.type,parentSchema:schema14.properties.id,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.prompt !== undefined){
let data1 = data.prompt;
if(typeof data1 === "string"){
if(func4(data1) < 1){
const err5 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.prompt,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/prompt",schemaPath:"#/properties/prompt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.prompt.type,parentSchema:schema14.properties.prompt,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.messages !== undefined){
let data2 = data.messages;
if(Array.isArray(data2)){
if(data2.length < 1){
const err7 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14.properties.messages,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.role === undefined){
const err8 = {instancePath:instancePath+"/messages/" + i0,schemaPath:"#/properties/messages/items/required",keyword:"required",params:{missingProperty: "role"},message:"must have required property '"+"role"+"'",schema:schema14.properties.messages.items.required,parentSchema:schema14.properties.messages.items,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.content === undefined){
const err9 = {instancePath:instancePath+"/messages/" + i0,schemaPath:"#/properties/messages/items/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema14.properties.messages.items.required,parentSchema:schema14.properties.messages.items,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data3){
if(!((key1 === "role") || (key1 === "content"))){
const err10 = {instancePath:instancePath+"/messages/" + i0,schemaPath:"#/properties/messages/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema14.properties.messages.items,data:data3};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.role !== undefined){
let data4 = data3.role;
if(!(((data4 === "system") || (data4 === "user")) || (data4 === "assistant"))){
const err11 = {instancePath:instancePath+"/messages/" + i0+"/role",schemaPath:"#/properties/messages/items/properties/role/enum",keyword:"enum",params:{allowedValues: schema14.properties.messages.items.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema14.properties.messages.items.properties.role.enum,parentSchema:schema14.properties.messages.items.properties.role,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.content !== undefined){
let data5 = data3.content;
if(typeof data5 !== "string"){
const err12 = {instancePath:instancePath+"/messages/" + i0+"/content",schemaPath:"#/properties/messages/items/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.messages.items.properties.content.type,parentSchema:schema14.properties.messages.items.properties.content,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/messages/" + i0,schemaPath:"#/properties/messages/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.properties.messages.items.type,parentSchema:schema14.properties.messages.items,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/messages",schemaPath:"#/properties/messages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.messages.type,parentSchema:schema14.properties.messages,data:data2};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.extract !== undefined){
let data6 = data.extract;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
if(Object.keys(data6).length < 1){
const err15 = {instancePath:instancePath+"/extract",schemaPath:"#/properties/extract/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema14.properties.extract,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key2 in data6){
if(!(((key2 === "regex") || (key2 === "flags")) || (key2 === "json-path"))){
const err16 = {instancePath:instancePath+"/extract",schemaPath:"#/properties/extract/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema14.properties.extract,data:data6};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data6.regex !== undefined){
let data7 = data6.regex;
if(typeof data7 === "string"){
if(func4(data7) < 1){
const err17 = {instancePath:instancePath+"/extract/regex",schemaPath:"#/properties/extract/properties/regex/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.extract.properties.regex,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/extract/regex",schemaPath:"#/properties/extract/properties/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.extract.properties.regex.type,parentSchema:schema14.properties.extract.properties.regex,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data6.flags !== undefined){
let data8 = data6.flags;
if(typeof data8 === "string"){
if(!pattern8.test(data8)){
const err19 = {instancePath:instancePath+"/extract/flags",schemaPath:"#/properties/extract/properties/flags/pattern",keyword:"pattern",params:{pattern: "^[imsu]*$"},message:"must match pattern \""+"^[imsu]*$"+"\"",schema:"^[imsu]*$",parentSchema:schema14.properties.extract.properties.flags,data:data8};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
else {
const err20 = {instancePath:instancePath+"/extract/flags",schemaPath:"#/properties/extract/properties/flags/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.extract.properties.flags.type,parentSchema:schema14.properties.extract.properties.flags,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data6["json-path"] !== undefined){
let data9 = data6["json-path"];
if(typeof data9 === "string"){
if(!pattern9.test(data9)){
const err21 = {instancePath:instancePath+"/extract/json-path",schemaPath:"#/properties/extract/properties/json-path/pattern",keyword:"pattern",params:{pattern: "^\\$"},message:"must match pattern \""+"^\\$"+"\"",schema:"^\\$",parentSchema:schema14.properties.extract.properties["json-path"],data:data9};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
else {
const err22 = {instancePath:instancePath+"/extract/json-path",schemaPath:"#/properties/extract/properties/json-path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.extract.properties["json-path"].type,parentSchema:schema14.properties.extract.properties["json-path"],data:data9};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/extract",schemaPath:"#/properties/extract/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.properties.extract.type,parentSchema:schema14.properties.extract,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.normalize !== undefined){
let data10 = data.normalize;
if(Array.isArray(data10)){
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
let data11 = data10[i1];
if(!(((((data11 === "trim") || (data11 === "lowercase")) || (data11 === "collapse-whitespace")) || (data11 === "strip-punctuation")) || (data11 === "strip-markdown"))){
const err24 = {instancePath:instancePath+"/normalize/" + i1,schemaPath:"#/properties/normalize/items/enum",keyword:"enum",params:{allowedValues: schema14.properties.normalize.items.enum},message:"must be equal to one of the allowed values",schema:schema14.properties.normalize.items.enum,parentSchema:schema14.properties.normalize.items,data:data11};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/normalize",schemaPath:"#/properties/normalize/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.normalize.type,parentSchema:schema14.properties.normalize,data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.compare !== undefined){
let data12 = data.compare;
if((typeof data12 !== "string") && (!(data12 && typeof data12 == "object" && !Array.isArray(data12)))){
const err26 = {instancePath:instancePath+"/compare",schemaPath:"#/properties/compare/type",keyword:"type",params:{type: schema14.properties.compare.type},message:"must be string,object",schema:schema14.properties.compare.type,parentSchema:schema14.properties.compare,data:data12};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(typeof data12 === "string"){
if(!pattern10.test(data12)){
const err27 = {instancePath:instancePath+"/compare",schemaPath:"#/properties/compare/pattern",keyword:"pattern",params:{pattern: "^(exact|similarity|embedding)$"},message:"must match pattern \""+"^(exact|similarity|embedding)$"+"\"",schema:"^(exact|similarity|embedding)$",parentSchema:schema14.properties.compare,data:data12};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(Object.keys(data12).length < 1){
const err28 = {instancePath:instancePath+"/compare",schemaPath:"#/properties/compare/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema14.properties.compare,data:data12};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
for(const key3 in data12){
if(!(((key3 === "similarity") || (key3 === "embedding")) || (key3 === "threshold"))){
const err29 = {instancePath:instancePath+"/compare",schemaPath:"#/properties/compare/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema14.properties.compare,data:data12};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data12.similarity !== undefined){
let data13 = data12.similarity;
if(typeof data13 == "number"){
if(data13 > 1 || isNaN(data13)){
const err30 = {instancePath:instancePath+"/compare/similarity",schemaPath:"#/properties/compare/properties/similarity/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema14.properties.compare.properties.similarity,data:data13};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data13 <= 0 || isNaN(data13)){
const err31 = {instancePath:instancePath+"/compare/similarity",schemaPath:"#/properties/compare/properties/similarity/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema14.properties.compare.properties.similarity,data:data13};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
else {
const err32 = {instancePath:instancePath+"/compare/similarity",schemaPath:"#/properties/compare/properties/similarity/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema14.properties.compare.properties.similarity.type,parentSchema:schema14.properties.compare.properties.similarity,data:data13};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data12.embedding !== undefined){
let data14 = data12.embedding;
if((typeof data14 !== "string") && (typeof data14 !== "boolean")){
const err33 = {instancePath:instancePath+"/compare/embedding",schemaPath:"#/properties/compare/properties/embedding/type",keyword:"type",params:{type: schema14.properties.compare.properties.embedding.type},message:"must be string,boolean",schema:schema14.properties.compare.properties.embedding.type,parentSchema:schema14.properties.compare.properties.embedding,data:data14};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(typeof data14 === "string"){
if(func4(data14) < 1){
const err34 = {instancePath:instancePath+"/compare/embedding",schemaPath:"#/properties/compare/properties/embedding/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema14.properties.compare.properties.embedding,data:data14};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
if(data12.threshold !== undefined){
let data15 = data12.threshold;
if(typeof data15 == "number"){
if(data15 > 1 || isNaN(data15)){
const err35 = {instancePath:instancePath+"/compare/threshold",schemaPath:"#/properties/compare/properties/threshold/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema14.properties.compare.properties.threshold,data:data15};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(data15 <= 0 || isNaN(data15)){
const err36 = {instancePath:instancePath+"/compare/threshold",schemaPath:"#/properties/compare/properties/threshold/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema14.properties.compare.properties.threshold,data:data15};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/compare/threshold",schemaPath:"#/properties/compare/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema14.properties.compare.properties.threshold.type,parentSchema:schema14.properties.compare.properties.threshold,data:data15};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
}
if(data.expect !== undefined){
let data16 = data.expect;
if(Array.isArray(data16)){
const len2 = data16.length;
for(let i2=0; i2<len2; i2++){
let data17 = data16[i2];
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(Object.keys(data17).length > 1){
const err38 = {instancePath:instancePath+"/expect/" + i2,schemaPath:"#/definitions/expectation/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema15,data:data17};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
if(Object.keys(data17).length < 1){
const err39 = {instancePath:instancePath+"/expect/" + i2,schemaPath:"#/definitions/expectation/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema15,data:data17};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
for(const key4 in data17){
if(!(func2.call(schema15.properties, key4))){
const err40 = {instancePath:instancePath+"/expect/" + i2,schemaPath:"#/definitions/expectation/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema15,data:data17};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data17.equals !== undefined){
let data18 = data17.equals;
if(((typeof data18 !== "string") && (!(typeof data18 == "number"))) && (typeof data18 !== "boolean")){
const err41 = {instancePath:instancePath+"/expect/" + i2+"/equals",schemaPath:"#/definitions/expectation/properties/equals/type",keyword:"type",params:{type: schema15.properties.equals.type},message:"must be string,number,boolean",schema:schema15.properties.equals.type,parentSchema:schema15.properties.equals,data:data18};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data17.contains !== undefined){
let data19 = data17.contains;
if(typeof data19 === "string"){
if(func4(data19) < 1){
const err42 = {instancePath:instancePath+"/expect/" + i2+"/contains",schemaPath:"#/definitions/expectation/properties/contains/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.contains,data:data19};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/expect/" + i2+"/contains",schemaPath:"#/definitions/expectation/properties/contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.contains.type,parentSchema:schema15.properties.contains,data:data19};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data17["not-contains"] !== undefined){
let data20 = data17["not-contains"];
if(typeof data20 === "string"){
if(func4(data20) < 1){
const err44 = {instancePath:instancePath+"/expect/" + i2+"/not-contains",schemaPath:"#/definitions/expectation/properties/not-contains/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties["not-contains"],data:data20};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
else {
const err45 = {instancePath:instancePath+"/expect/" + i2+"/not-contains",schemaPath:"#/definitions/expectation/properties/not-contains/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties["not-contains"].type,parentSchema:schema15.properties["not-contains"],data:data20};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data17.regex !== undefined){
let data21 = data17.regex;
if((typeof data21 !== "string") && (!(data21 && typeof data21 == "object" && !Array.isArray(data21)))){
const err46 = {instancePath:instancePath+"/expect/" + i2+"/regex",schemaPath:"#/definitions/expectation/properties/regex/type",keyword:"type",params:{type: schema15.properties.regex.type},message:"must be string,object",schema:schema15.properties.regex.type,parentSchema:schema15.properties.regex,data:data21};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
if(typeof data21 === "string"){
if(func4(data21) < 1){
const err47 = {instancePath:instancePath+"/expect/" + i2+"/regex",schemaPath:"#/definitions/expectation/properties/regex/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.regex,data:data21};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
if(data21.pattern === undefined){
const err48 = {instancePath:instancePath+"/expect/" + i2+"/regex",schemaPath:"#/definitions/expectation/properties/regex/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema15.properties.regex.required,parentSchema:schema15.properties.regex,data:data21};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
for(const key5 in data21){
if(!((key5 === "pattern") || (key5 === "flags"))){
const err49 = {instancePath:instancePath+"/expect/" + i2+"/regex",schemaPath:"#/definitions/expectation/properties/regex/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties.regex,data:data21};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data21.pattern !== undefined){
let data22 = data21.pattern;
if(typeof data22 === "string"){
if(func4(data22) < 1){
const err50 = {instancePath:instancePath+"/expect/" + i2+"/regex/pattern",schemaPath:"#/definitions/expectation/properties/regex/properties/pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.regex.properties.pattern,data:data22};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/expect/" + i2+"/regex/pattern",schemaPath:"#/definitions/expectation/properties/regex/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.regex.properties.pattern.type,parentSchema:schema15.properties.regex.properties.pattern,data:data22};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
if(data21.flags !== undefined){
let data23 = data21.flags;
if(typeof data23 === "string"){
if(!pattern8.test(data23)){
const err52 = {instancePath:instancePath+"/expect/" + i2+"/regex/flags",schemaPath:"#/definitions/expectation/properties/regex/properties/flags/pattern",keyword:"pattern",params:{pattern: "^[imsu]*$"},message:"must match pattern \""+"^[imsu]*$"+"\"",schema:"^[imsu]*$",parentSchema:schema15.properties.regex.properties.flags,data:data23};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/expect/" + i2+"/regex/flags",schemaPath:"#/definitions/expectation/properties/regex/properties/flags/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.regex.properties.flags.type,parentSchema:schema15.properties.regex.properties.flags,data:data23};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
}
}
if(data17["not-regex"] !== undefined){
let data24 = data17["not-regex"];
if((typeof data24 !== "string") && (!(data24 && typeof data24 == "object" && !Array.isArray(data24)))){
const err54 = {instancePath:instancePath+"/expect/" + i2+"/not-regex",schemaPath:"#/definitions/expectation/properties/not-regex/type",keyword:"type",params:{type: schema15.properties["not-regex"].type},message:"must be string,object",schema:schema15.properties["not-regex"].type,parentSchema:schema15.properties["not-regex"],data:data24};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(typeof data24 === "string"){
if(func4(data24) < 1){
const err55 = {instancePath:instancePath+"/expect/" + i2+"/not-regex",schemaPath:"#/definitions/expectation/properties/not-regex/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties["not-regex"],data:data24};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(data24.pattern === undefined){
const err56 = {instancePath:instancePath+"/expect/" + i2+"/not-regex",schemaPath:"#/definitions/expectation/properties/not-regex/required",keyword:"required",params:{missingProperty: "pattern"},message:"must have required property '"+"pattern"+"'",schema:schema15.properties["not-regex"].required,parentSchema:schema15.properties["not-regex"],data:data24};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
for(const key6 in data24){
if(!((key6 === "pattern") || (key6 === "flags"))){
const err57 = {instancePath:instancePath+"/expect/" + i2+"/not-regex",schemaPath:"#/definitions/expectation/properties/not-regex/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties["not-regex"],data:data24};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data24.pattern !== undefined){
let data25 = data24.pattern;
if(typeof data25 === "string"){
if(func4(data25) < 1){
const err58 = {instancePath:instancePath+"/expect/" + i2+"/not-regex/pattern",schemaPath:"#/definitions/expectation/properties/not-regex/properties/pattern/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties["not-regex"].properties.pattern,data:data25};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
else {
const err59 = {instancePath:instancePath+"/expect/" + i2+"/not-regex/pattern",schemaPath:"#/definitions/expectation/properties/not-regex/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties["not-regex"].properties.pattern.type,parentSchema:schema15.properties["not-regex"].properties.pattern,data:data25};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data24.flags !== undefined){
let data26 = data24.flags;
if(typeof data26 === "string"){
if(!pattern8.test(data26)){
const err60 = {instancePath:instancePath+"/expect/" + i2+"/not-regex/flags",schemaPath:"#/definitions/expectation/properties/not-regex/properties/flags/pattern",keyword:"pattern",params:{pattern: "^[imsu]*$"},message:"must match pattern \""+"^[imsu]*$"+"\"",schema:"^[imsu]*$",parentSchema:schema15.properties["not-regex"].properties.flags,data:data26};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
}
else {
const err61 = {instancePath:instancePath+"/expect/" + i2+"/not-regex/flags",schemaPath:"#/definitions/expectation/properties/not-regex/properties/flags/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties["not-regex"].properties.flags.type,parentSchema:schema15.properties["not-regex"].properties.flags,data:data26};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
}
}
if(data17["one-of"] !== undefined){
let data27 = data17["one-of"];
if(Array.isArray(data27)){
if(data27.length < 1){
const err62 = {instancePath:instancePath+"/expect/" + i2+"/one-of",schemaPath:"#/definitions/expectation/properties/one-of/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema15.properties["one-of"],data:data27};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
const len3 = data27.length;
for(let i3=0; i3<len3; i3++){
let data28 = data27[i3];
if(((typeof data28 !== "string") && (!(typeof data28 == "number"))) && (typeof data28 !== "boolean")){
const err63 = {instancePath:instancePath+"/expect/" + i2+"/one-of/" + i3,schemaPath:"#/definitions/expectation/properties/one-of/items/type",keyword:"type",params:{type: schema15.properties["one-of"].items.type},message:"must be string,number,boolean",schema:schema15.properties["one-of"].items.type,parentSchema:schema15.properties["one-of"].items,data:data28};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
}
else {
const err64 = {instancePath:instancePath+"/expect/" + i2+"/one-of",schemaPath:"#/definitions/expectation/properties/one-of/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema15.properties["one-of"].type,parentSchema:schema15.properties["one-of"],data:data27};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
if(data17["json-schema"] !== undefined){
let data29 = data17["json-schema"];
if(!(data29 && typeof data29 == "object" && !Array.isArray(data29))){
const err65 = {instancePath:instancePath+"/expect/" + i2+"/json-schema",schemaPath:"#/definitions/expectation/properties/json-schema/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties["json-schema"].type,parentSchema:schema15.properties["json-schema"],data:data29};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
if(data17["max-length"] !== undefined){
let data30 = data17["max-length"];
if(!((typeof data30 == "number") && (!(data30 % 1) && !isNaN(data30)))){
const err66 = {instancePath:instancePath+"/expect/" + i2+"/max-length",schemaPath:"#/definitions/expectation/properties/max-length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties["max-length"].type,parentSchema:schema15.properties["max-length"],data:data30};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
if(typeof data30 == "number"){
if(data30 < 0 || isNaN(data30)){
const err67 = {instancePath:instancePath+"/expect/" + i2+"/max-length",schemaPath:"#/definitions/expectation/properties/max-length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties["max-length"],data:data30};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
if(data17["min-length"] !== undefined){
let data31 = data17["min-length"];
if(!((typeof data31 == "number") && (!(data31 % 1) && !isNaN(data31)))){
const err68 = {instancePath:instancePath+"/expect/" + i2+"/min-length",schemaPath:"#/definitions/expectation/properties/min-length/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties["min-length"].type,parentSchema:schema15.properties["min-length"],data:data31};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
if(typeof data31 == "number"){
if(data31 < 0 || isNaN(data31)){
const err69 = {instancePath:instancePath+"/expect/" + i2+"/min-length",schemaPath:"#/definitions/expectation/properties/min-length/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties["min-length"],data:data31};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
}
if(data17.number !== undefined){
let data32 = data17.number;
if((!(typeof data32 == "number")) && (!(data32 && typeof data32 == "object" && !Array.isArray(data32)))){
const err70 = {instancePath:instancePath+"/expect/" + i2+"/number",schemaPath:"#/definitions/expectation/properties/number/type",keyword:"type",params:{type: schema15.properties.number.type},message:"must be number,object",schema:schema15.properties.number.type,parentSchema:schema15.properties.number,data:data32};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.equals === undefined){
const err71 = {instancePath:instancePath+"/expect/" + i2+"/number",schemaPath:"#/definitions/expectation/properties/number/required",keyword:"required",params:{missingProperty: "equals"},message:"must have required property '"+"equals"+"'",schema:schema15.properties.number.required,parentSchema:schema15.properties.number,data:data32};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
for(const key7 in data32){
if(!((key7 === "equals") || (key7 === "tolerance"))){
const err72 = {instancePath:instancePath+"/expect/" + i2+"/number",schemaPath:"#/definitions/expectation/properties/number/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties.number,data:data32};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data32.equals !== undefined){
let data33 = data32.equals;
if(!(typeof data33 == "number")){
const err73 = {instancePath:instancePath+"/expect/" + i2+"/number/equals",schemaPath:"#/definitions/expectation/properties/number/properties/equals/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.properties.number.properties.equals.type,parentSchema:schema15.properties.number.properties.equals,data:data33};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data32.tolerance !== undefined){
let data34 = data32.tolerance;
if(typeof data34 == "number"){
if(data34 < 0 || isNaN(data34)){
const err74 = {instancePath:instancePath+"/expect/" + i2+"/number/tolerance",schemaPath:"#/definitions/expectation/properties/number/properties/tolerance/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties.number.properties.tolerance,data:data34};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
else {
const err75 = {instancePath:instancePath+"/expect/" + i2+"/number/tolerance",schemaPath:"#/definitions/expectation/properties/number/properties/tolerance/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.properties.number.properties.tolerance.type,parentSchema:schema15.properties.number.properties.tolerance,data:data34};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
}
}
if(data17["word-count"] !== undefined){
let data35 = data17["word-count"];
if((!((typeof data35 == "number") && (!(data35 % 1) && !isNaN(data35)))) && (!(data35 && typeof data35 == "object" && !Array.isArray(data35)))){
const err76 = {instancePath:instancePath+"/expect/" + i2+"/word-count",schemaPath:"#/definitions/expectation/properties/word-count/type",keyword:"type",params:{type: schema15.properties["word-count"].type},message:"must be integer,object",schema:schema15.properties["word-count"].type,parentSchema:schema15.properties["word-count"],data:data35};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
if(typeof data35 == "number"){
if(data35 < 0 || isNaN(data35)){
const err77 = {instancePath:instancePath+"/expect/" + i2+"/word-count",schemaPath:"#/definitions/expectation/properties/word-count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties["word-count"],data:data35};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(Object.keys(data35).length < 1){
const err78 = {instancePath:instancePath+"/expect/" + i2+"/word-count",schemaPath:"#/definitions/expectation/properties/word-count/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema15.properties["word-count"],data:data35};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
for(const key8 in data35){
if(!((key8 === "min") || (key8 === "max"))){
const err79 = {instancePath:instancePath+"/expect/" + i2+"/word-count",schemaPath:"#/definitions/expectation/properties/word-count/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties["word-count"],data:data35};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data35.min !== undefined){
let data36 = data35.min;
if(!((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36)))){
const err80 = {instancePath:instancePath+"/expect/" + i2+"/word-count/min",schemaPath:"#/definitions/expectation/properties/word-count/properties/min/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties["word-count"].properties.min.type,parentSchema:schema15.properties["word-count"].properties.min,data:data36};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
if(typeof data36 == "number"){
if(data36 < 0 || isNaN(data36)){
const err81 = {instancePath:instancePath+"/expect/" + i2+"/word-count/min",schemaPath:"#/definitions/expectation/properties/word-count/properties/min/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties["word-count"].properties.min,data:data36};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
}
if(data35.max !== undefined){
let data37 = data35.max;
if(!((typeof data37 == "number") && (!(data37 % 1) && !isNaN(data37)))){
const err82 = {instancePath:instancePath+"/expect/" + i2+"/word-count/max",schemaPath:"#/definitions/expectation/properties/word-count/properties/max/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties["word-count"].properties.max.type,parentSchema:schema15.properties["word-count"].properties.max,data:data37};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
if(typeof data37 == "number"){
if(data37 < 0 || isNaN(data37)){
const err83 = {instancePath:instancePath+"/expect/" + i2+"/word-count/max",schemaPath:"#/definitions/expectation/properties/word-count/properties/max/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties["word-count"].properties.max,data:data37};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
}
}
if(data17["line-count"] !== undefined){
let data38 = data17["line-count"];
if((!((typeof data38 == "number") && (!(data38 % 1) && !isNaN(data38)))) && (!(data38 && typeof data38 == "object" && !Array.isArray(data38)))){
const err84 = {instancePath:instancePath+"/expect/" + i2+"/line-count",schemaPath:"#/definitions/expectation/properties/line-count/type",keyword:"type",params:{type: schema15.properties["line-count"].type},message:"must be integer,object",schema:schema15.properties["line-count"].type,parentSchema:schema15.properties["line-count"],data:data38};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
if(typeof data38 == "number"){
if(data38 < 0 || isNaN(data38)){
const err85 = {instancePath:instancePath+"/expect/" + i2+"/line-count",schemaPath:"#/definitions/expectation/properties/line-count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties["line-count"],data:data38};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
}
if(data38 && typeof data38 == "object" && !Array.isArray(data38)){
if(Object.keys(data38).length < 1){
const err86 = {instancePath:instancePath+"/expect/" + i2+"/line-count",schemaPath:"#/definitions/expectation/properties/line-count/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema15.properties["line-count"],data:data38};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
for(const key9 in data38){
if(!((key9 === "min") || (key9 === "max"))){
const err87 = {instancePath:instancePath+"/expect/" + i2+"/line-count",schemaPath:"#/definitions/expectation/properties/line-count/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties["line-count"],data:data38};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data38.min !== undefined){
let data39 = data38.min;
if(!((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39)))){
const err88 = {instancePath:instancePath+"/expect/" + i2+"/line-count/min",schemaPath:"#/definitions/expectation/properties/line-count/properties/min/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties["line-count"].properties.min.type,parentSchema:schema15.properties["line-count"].properties.min,data:data39};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
if(typeof data39 == "number"){
if(data39 < 0 || isNaN(data39)){
const err89 = {instancePath:instancePath+"/expect/" + i2+"/line-count/min",schemaPath:"#/definitions/expectation/properties/line-count/properties/min/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties["line-count"].properties.min,data:data39};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
}
if(data38.max !== undefined){
let data40 = data38.max;
if(!((typeof data40 == "number") && (!(data40 % 1) && !isNaN(data40)))){
const err90 = {instancePath:instancePath+"/expect/" + i2+"/line-count/max",schemaPath:"#/definitions/expectation/properties/line-count/properties/max/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema15.properties["line-count"].properties.max.type,parentSchema:schema15.properties["line-count"].properties.max,data:data40};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(typeof data40 == "number"){
if(data40 < 0 || isNaN(data40)){
const err91 = {instancePath:instancePath+"/expect/" + i2+"/line-count/max",schemaPath:"#/definitions/expectation/properties/line-count/properties/max/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema15.properties["line-count"].properties.max,data:data40};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
}
}
}
if(data17.similar !== undefined){
let data41 = data17.similar;
if(data41 && typeof data41 == "object" && !Array.isArray(data41)){
if(data41.to === undefined){
const err92 = {instancePath:instancePath+"/expect/" + i2+"/similar",schemaPath:"#/definitions/expectation/properties/similar/required",keyword:"required",params:{missingProperty: "to"},message:"must have required property '"+"to"+"'",schema:schema15.properties.similar.required,parentSchema:schema15.properties.similar,data:data41};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
for(const key10 in data41){
if(!((key10 === "to") || (key10 === "threshold"))){
const err93 = {instancePath:instancePath+"/expect/" + i2+"/similar",schemaPath:"#/definitions/expectation/properties/similar/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema15.properties.similar,data:data41};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data41.to !== undefined){
let data42 = data41.to;
if(typeof data42 === "string"){
if(func4(data42) < 1){
const err94 = {instancePath:instancePath+"/expect/" + i2+"/similar/to",schemaPath:"#/definitions/expectation/properties/similar/properties/to/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema15.properties.similar.properties.to,data:data42};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
else {
const err95 = {instancePath:instancePath+"/expect/" + i2+"/similar/to",schemaPath:"#/definitions/expectation/properties/similar/properties/to/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.properties.similar.properties.to.type,parentSchema:schema15.properties.similar.properties.to,data:data42};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data41.threshold !== undefined){
let data43 = data41.threshold;
if(typeof data43 == "number"){
if(data43 > 1 || isNaN(data43)){
const err96 = {instancePath:instancePath+"/expect/" + i2+"/similar/threshold",schemaPath:"#/definitions/expectation/properties/similar/properties/threshold/maximum",keyword:"maximum",params:{comparison: "<=", limit: 1},message:"must be <= 1",schema:1,parentSchema:schema15.properties.similar.properties.threshold,data:data43};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
if(data43 <= 0 || isNaN(data43)){
const err97 = {instancePath:instancePath+"/expect/" + i2+"/similar/threshold",schemaPath:"#/definitions/expectation/properties/similar/properties/threshold/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema15.properties.similar.properties.threshold,data:data43};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
else {
const err98 = {instancePath:instancePath+"/expect/" + i2+"/similar/threshold",schemaPath:"#/definitions/expectation/properties/similar/properties/threshold/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema15.properties.similar.properties.threshold.type,parentSchema:schema15.properties.similar.properties.threshold,data:data43};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
}
else {
const err99 = {instancePath:instancePath+"/expect/" + i2+"/similar",schemaPath:"#/definitions/expectation/properties/similar/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.properties.similar.type,parentSchema:schema15.properties.similar,data:data41};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
}
else {
const err100 = {instancePath:instancePath+"/expect/" + i2,schemaPath:"#/definitions/expectation/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema15.type,parentSchema:schema15,data:data17};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
}
else {
const err101 = {instancePath:instancePath+"/expect",schemaPath:"#/properties/expect/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.expect.type,parentSchema:schema14.properties.expect,data:data16};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
if(data.reference !== undefined){
let data44 = data.reference;
if(typeof data44 !== "string"){
const err102 = {instancePath:instancePath+"/reference",schemaPath:"#/properties/reference/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.reference.type,parentSchema:schema14.properties.reference,data:data44};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data.wrong !== undefined){
let data45 = data.wrong;
if(Array.isArray(data45)){
const len4 = data45.length;
for(let i4=0; i4<len4; i4++){
let data46 = data45[i4];
if(typeof data46 !== "string"){
const err103 = {instancePath:instancePath+"/wrong/" + i4,schemaPath:"#/properties/wrong/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema14.properties.wrong.items.type,parentSchema:schema14.properties.wrong.items,data:data46};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
}
}
else {
const err104 = {instancePath:instancePath+"/wrong",schemaPath:"#/properties/wrong/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.properties.wrong.type,parentSchema:schema14.properties.wrong,data:data45};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
}
else {
const err105 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema14.type,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://trackrecord.dev/schema/suite.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.prompts === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "prompts"},message:"must have required property '"+"prompts"+"'",schema:schema13.required,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((((key0 === "$schema") || (key0 === "name")) || (key0 === "description")) || (key0 === "prompts"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err3 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.$schema.type,parentSchema:schema13.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(!pattern6.test(data1)){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9._-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9._-]*$"+"\"",schema:"^[a-z0-9][a-z0-9._-]*$",parentSchema:schema13.properties.name,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.name.type,parentSchema:schema13.properties.name,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.properties.description.type,parentSchema:schema13.properties.description,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.prompts !== undefined){
let data3 = data.prompts;
if(Array.isArray(data3)){
if(data3.length < 1){
const err7 = {instancePath:instancePath+"/prompts",schemaPath:"#/properties/prompts/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema13.properties.prompts,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
if(!(validate12(data3[i0], {instancePath:instancePath+"/prompts/" + i0,parentData:data3,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
}
else {
const err8 = {instancePath:instancePath+"/prompts",schemaPath:"#/properties/prompts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema13.properties.prompts.type,parentSchema:schema13.properties.prompts,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema13.type,parentSchema:schema13,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}
