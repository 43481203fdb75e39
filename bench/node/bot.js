'use strict';
// The fair JavaScript peer of the inbound benchmark: what EvalBot does for a help turn, written with the JavaScript
// Bot Framework SDK (botbuilder, CloudAdapter) and the official Adaptive Cards templating engine.
//   1. the channel token is validated by the SDK against the local OpenID metadata;
//   2. a redelivered activity (an id already processed) is answered with nothing, as EvalBot does;
//   3. the text is routed: bot mentions removed, folded (lower case, no diacritics, đ as d), the longest command keyword
//      it starts with wins; the keywords are EvalBot's own, read from its source (CommandTopic declarations);
//   4. the help card is rendered from EvalBot's template (cards/help.json) and string tables with
//      adaptivecards-templating, in the activity's language (English when the locale starts with "en");
//   5. the turn is made durable before the reply: its processed mark and the conversation reference are appended to a
//      file and fdatasync'ed (one sync per turn, as EvalBot's synchronous=FULL commit);
//   6. the reply is sent with an outbound token from MSAL (client credentials against the local authority).
// At start-up the card it renders is compared with the one EvalBot sent (BENCH_REPLY_FILE): the peer refuses to start
// when they differ, so both send the same bytes of card.
//
// Environment: PORT, BENCH_REPLY_FILE, BENCH_CARDS_DIR, BENCH_SRC_DIR, BENCH_STORE_FILE, MicrosoftAppId,
// MicrosoftAppPassword, BENCH_OPENID_METADATA_URL, BENCH_LOGIN_URL (https), NODE_EXTRA_CA_CERTS (trusts that https).
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } = require('botbuilder');
const { MsalServiceClientCredentialsFactory } = require('botframework-connector');
const { ConfidentialClientApplication } = require('@azure/msal-node');
const { Template } = require('adaptivecards-templating');

const env = (name) => {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
};

// --- the string tables and the template, loaded once (EvalBot loads them once too) ---
const cardsDir = env('BENCH_CARDS_DIR');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const table = (language) => {
    const folder = path.join(cardsDir, 'strings');
    const files = [path.join(folder, `${language}.json`)].concat(
        fs.readdirSync(folder).filter((f) => f.endsWith(`.${language}.json`)).sort().map((f) => path.join(folder, f)));
    return Object.assign({}, ...files.map(readJson));
};
const strings = { vi: table('vi'), en: table('en') };
const helpTemplate = readJson(path.join(cardsDir, 'help.json'));
const languageOf = (locale) => (typeof locale === 'string' && locale.toLowerCase().startsWith('en') ? 'en' : 'vi');
const renderHelp = (language, notUnderstood) => new Template(helpTemplate).expand({
    $root: notUnderstood ? { isBoard: false, notUnderstood, t: strings[language], locale: language } : { isBoard: false, t: strings[language], locale: language },
});

// --- routing: EvalBot's command keywords, folded once ---
const fold = (text) => text.toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
const topics = [];
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.name.endsWith('.cs')) {
        for (const m of fs.readFileSync(full, 'utf8').matchAll(/Topic \{ get; \} = new\("([^"]+)", \[([^\]]*)\]/g)) {
            for (const k of m[2].matchAll(/"([^"]+)"/g)) topics.push({ topic: m[1], keyword: k[1], folded: fold(k[1]) });
        }
    }
});
walk(path.join(env('BENCH_SRC_DIR'), 'Features'));
topics.sort((a, b) => b.folded.length - a.folded.length);
if (!topics.some((t) => t.topic === 'help')) {
    throw new Error('no help keywords found in the source');
}
const route = (text) => {
    const cleaned = (text || '').normalize('NFC').replace(/<at>.*?<\/at>/gis, ' ').replace(/\s+/g, ' ').trim();
    const folded = fold(cleaned);
    const hit = topics.find((t) => folded === t.folded || folded.startsWith(t.folded + ' '));
    return hit ? hit.topic : null;
};

// --- the same card as EvalBot, or no start ---
const captured = readJson(env('BENCH_REPLY_FILE'));
const capturedCard = captured.attachments && captured.attachments[0] && captured.attachments[0].content;
if (!util.isDeepStrictEqual(renderHelp('vi'), capturedCard)) {
    console.error('The help card rendered here differs from the one EvalBot sent:');
    console.error(JSON.stringify(renderHelp('vi')).slice(0, 2000));
    console.error(JSON.stringify(capturedCard).slice(0, 2000));
    process.exit(3);
}
const contentType = captured.attachments[0].contentType;

// --- durability: processed marks and conversation references, one fdatasync per turn ---
const storeFile = env('BENCH_STORE_FILE');
const processed = new Set();
if (fs.existsSync(storeFile)) {
    for (const line of fs.readFileSync(storeFile, 'utf8').split('\n')) {
        if (line) processed.add(JSON.parse(line).id);
    }
}
const store = fs.openSync(storeFile, 'a');
const appendDurably = (record) => new Promise((resolve, reject) => {
    fs.write(store, JSON.stringify(record) + '\n', (error) => {
        if (error) return reject(error);
        fs.fdatasync(store, (syncError) => (syncError ? reject(syncError) : resolve()));
    });
});

// --- the SDK: inbound auth, outbound tokens ---
const appId = env('MicrosoftAppId');
const loginUrl = new URL(env('BENCH_LOGIN_URL'));
const credentials = new MsalServiceClientCredentialsFactory(appId, new ConfidentialClientApplication({
    auth: { clientId: appId, clientSecret: env('MicrosoftAppPassword'), authority: loginUrl.href, knownAuthorities: [loginUrl.host] },
}));
const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: appId,
    ToBotFromChannelOpenIdMetadataUrl: env('BENCH_OPENID_METADATA_URL'),
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: env('BENCH_LOGIN_URL'),
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ValidateAuthority: false,
}, credentials);
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (_context, error) => {
    console.error('turn error', error);
};

const logic = async (context) => {
    const activity = context.activity;
    if (activity.type !== 'message' || processed.has(activity.id)) {
        return;
    }
    processed.add(activity.id);
    // Every command but help belongs to EvalBot's other features; here, as in EvalBot's fallback, anything else is
    // answered with the help card and a note that the text was not understood.
    const text = activity.text || '';
    const card = route(text) === 'help' ? renderHelp(languageOf(activity.locale)) : renderHelp(languageOf(activity.locale), text.slice(0, 200));
    await appendDurably({ id: activity.id, reference: TurnContext.getConversationReference(activity) });
    await context.sendActivity({ type: 'message', attachments: [{ contentType, content: card }] });
};

// Node's own http server with the small request/response shape CloudAdapter.process expects.
const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') {
        res.writeHead(200).end();
        return;
    }
    if (req.url !== '/api/messages') {
        res.writeHead(404).end();
        return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.writeHead(400).end();
            return;
        }
        const request = { method: req.method, headers: req.headers, body };
        const response = {
            socket: req.socket,
            status(code) { res.statusCode = code; return this; },
            header(name, value) { res.setHeader(name, value); return this; },
            send(payload) {
                if (payload !== undefined && payload !== null) {
                    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
                    if (typeof payload !== 'string') res.setHeader('Content-Type', 'application/json');
                    res.write(text);
                }
                return this;
            },
            end() { res.end(); return this; },
        };
        adapter.process(request, response, logic).catch((error) => {
            console.error('process error', error);
            if (!res.writableEnded) {
                res.statusCode = 500;
                res.end();
            }
        });
    });
});
server.keepAliveTimeout = 120000;
server.listen(Number(env('PORT')), '127.0.0.1');
