'use strict';
// Card oracle for the .NET tests: the official Adaptive Cards templating engine and parser.
// stdin:  {"op":"expand","cases":[{"id","template","data"}]}   -> {"results":[{"id","expanded","warnings"} | {"id","error"}]}
//         {"op":"validate","cases":[{"id","card"}]}            -> {"results":[{"id","events":[{"phase","event","message"}]}]}
//         {"op":"actions","cases":[{"id","card"}]}             -> {"results":[{"id","actions":[{"type","verb","title","inputs","targets","hiddenTargets"}]}]}
// "validate" also parses every action fallback on its own, because the parser skips action fallbacks.
// "actions" lists what each action of the parsed card would do: the ids of the inputs an Action.Execute/Submit sends
// (as the official renderer gathers them, hidden ones included) and the elements an Action.ToggleVisibility shows.
const { Template } = require('adaptivecards-templating');
const AC = require('adaptivecards/dist/adaptivecards.js');
const readStdinJson = require('./lib/read-stdin.cjs');

function expand(c) {
  try {
    const template = new Template(c.template);
    const expanded = template.expand({ $root: c.data });
    return { id: c.id, expanded: expanded === undefined ? null : expanded, warnings: template.getLastTemplateExpansionWarnings() };
  } catch (e) {
    return { id: c.id, error: String(e && e.message ? e.message : e) };
  }
}

function events(cardJson) {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(cardJson, ctx);
  const found = [];
  for (let i = 0; i < ctx.eventCount; i++) {
    const e = ctx.getEventAt(i);
    found.push({ phase: e.phase, event: e.event, message: e.message });
  }
  for (const e of card.validateProperties().validationEvents) {
    found.push({ phase: e.phase, event: e.event, message: e.message });
  }
  return found;
}

function fallbacks(node, out) {
  if (Array.isArray(node)) { node.forEach((n) => fallbacks(n, out)); return out; }
  if (node && typeof node === 'object') {
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && node.fallback && typeof node.fallback === 'object') {
      out.push(node.fallback);
    }
    Object.values(node).forEach((v) => fallbacks(v, out));
  }
  return out;
}

function validate(c) {
  const found = events(c.card);
  for (const fb of fallbacks(c.card, [])) {
    const wrapper = { type: 'AdaptiveCard', version: c.card.version, body: [{ type: 'ActionSet', actions: [fb] }] };
    for (const e of events(wrapper)) found.push({ ...e, message: 'fallback: ' + e.message });
  }
  return { id: c.id, events: found };
}

function actions(c) {
  const card = new AC.AdaptiveCard();
  card.parse(c.card, new AC.SerializationContext());
  const found = [];
  for (const a of new Set(card.getAllActions())) {
    const type = a.getJsonTypeName();
    const targets = type === 'Action.ToggleVisibility' ? Object.keys(a.targetElements || {}) : [];
    found.push({
      type, verb: a.verb || null, title: a.title || null,
      inputs: Object.keys(a.getReferencedInputs() || {}),
      targets, hiddenTargets: targets.filter((t) => { const e = card.getElementById(t); return e && !e.isVisible; }),
    });
  }
  return { id: c.id, actions: found };
}

const ops = { validate, expand, actions };

readStdinJson().then((input) => {
  const op = ops[input.op] || null;
  if (!op) throw new Error('unknown op ' + input.op);
  process.stdout.write(JSON.stringify({ results: input.cases.map(op) }));
}).catch((e) => { process.stderr.write(String(e && e.stack ? e.stack : e)); process.exit(1); });
