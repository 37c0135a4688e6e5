// Validates the deployment files against their schemas:
//   deploy/k8s/*.yaml    every document against the Kubernetes API schemas of kubernetes-models (types,
//                        required fields, enums); custom resources (RabbitmqCluster, Dapr's Component) have
//                        no schema there and are named as not validated.
//   docker-compose.yml   against the compose specification's JSON schema: compose-spec.json is schema/compose-spec.json
//                        of the repository compose-spec/compose-spec at commit 170098ba07d9f53c383a41bfd4c5166b0a4529a6
//                        (Apache License 2.0), kept here so the check needs no network.
// Prints one line per problem and exits 1 when there is any; `node validate.mjs [repository root]`.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, "..", ".."));
const problems = [];
const notValidated = [];
let validated = 0;

function parse(file) {
  const documents = parseAllDocuments(readFileSync(join(root, file), "utf8"), { merge: true });
  const values = [];
  for (const document of documents) {
    for (const error of document.errors) problems.push(`${file}: ${error.message}`);
    const value = document.toJS({ maxAliasCount: -1 });
    if (value != null) values.push(value);
  }
  return values;
}

// kubernetes-models/<apiVersion> exports a class per kind (the core group's apiVersion is plain v1).
async function modelOf(apiVersion, kind) {
  try {
    const models = await import(`kubernetes-models/${apiVersion}`);
    return models[kind];
  } catch {
    return undefined;
  }
}

for (const name of readdirSync(join(root, "deploy/k8s")).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const file = `deploy/k8s/${name}`;
  for (const document of parse(file)) {
    const label = `${file}: ${document.kind} ${document.metadata?.name ?? "(no name)"}`;
    if (name === "kustomization.yaml") continue; // kustomize's own file, not an API object
    if (!document.apiVersion || !document.kind) {
      problems.push(`${label}: no apiVersion or kind`);
      continue;
    }
    const Model = await modelOf(document.apiVersion ?? "", document.kind ?? "");
    if (!Model) {
      notValidated.push(`${label} (${document.apiVersion}: a custom resource without a schema here)`);
      continue;
    }
    try {
      new Model(document).validate();
      validated++;
    } catch (error) {
      problems.push(`${label}: ${error.message}`);
    }
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
// The schema names draft-07 by an address without the trailing '#' that Ajv knows it by; draft-07 is Ajv's default.
const { $schema, ...composeSchema } = JSON.parse(readFileSync(join(here, "compose-spec.json"), "utf8"));
const compose = ajv.compile(composeSchema);
for (const document of parse("docker-compose.yml")) {
  if (compose(document)) validated++;
  else for (const error of compose.errors) problems.push(`docker-compose.yml${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`);
}

for (const line of notValidated) console.log(`not validated: ${line}`);
for (const line of problems) console.error(line);
console.log(`${validated} documents valid, ${problems.length} problems, ${notValidated.length} custom resources not validated`);
process.exit(problems.length === 0 ? 0 : 1);
