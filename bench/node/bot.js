'use strict';
// The JavaScript Bot Framework SDK peer of the inbound benchmark (botbuilder, CloudAdapter): channel tokens are
// validated against the local OpenID metadata, outbound tokens come from the local authority (client credentials),
// and "help" is answered with the same message EvalBot sends (read from BENCH_REPLY_FILE).
//
// Environment: PORT, BENCH_REPLY_FILE, MicrosoftAppId, MicrosoftAppPassword, BENCH_OPENID_METADATA_URL,
// BENCH_LOGIN_URL (https, e.g. https://127.0.0.1:1234/botframework.com), NODE_EXTRA_CA_CERTS (trusts that https).
const http = require('node:http');
const fs = require('node:fs');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = require('botbuilder');
const { MsalServiceClientCredentialsFactory } = require('botframework-connector');
const { ConfidentialClientApplication } = require('@azure/msal-node');

const env = (name) => {
    const value = process.env[name];
    if (!value) {
        throw new Error(`${name} is not set`);
    }
    return value;
};

const appId = env('MicrosoftAppId');
const reply = JSON.parse(fs.readFileSync(env('BENCH_REPLY_FILE'), 'utf8'));
for (const key of ['from', 'recipient', 'conversation', 'replyToId', 'serviceUrl', 'channelId', 'id']) {
    delete reply[key];
}

// Outbound tokens: MSAL client credentials against the local authority. The SDK's own MSAL credentials factory is
// given an MSAL client that lists that authority as known, since MSAL would otherwise ask the public cloud's instance
// discovery about it (unreachable here); everything else is the SDK's default path.
const loginUrl = new URL(env('BENCH_LOGIN_URL'));
const credentials = new MsalServiceClientCredentialsFactory(
    appId,
    new ConfidentialClientApplication({
        auth: {
            clientId: appId,
            clientSecret: env('MicrosoftAppPassword'),
            authority: loginUrl.href,
            knownAuthorities: [loginUrl.host],
        },
    }),
);
const auth = new ConfigurationBotFrameworkAuthentication(
    {
        MicrosoftAppId: appId,
        ToBotFromChannelOpenIdMetadataUrl: env('BENCH_OPENID_METADATA_URL'),
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToChannelFromBotLoginUrl: env('BENCH_LOGIN_URL'),
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
        ValidateAuthority: false,
    },
    credentials,
);
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (_context, error) => {
    console.error('turn error', error);
};

const logic = async (context) => {
    if (context.activity.type === 'message') {
        await context.sendActivity(reply);
    }
};

// Node's own http server with the small request/response shape CloudAdapter.process expects (what express or
// restify would provide): a parsed JSON body, headers, status/header/send/end.
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
            status(code) {
                res.statusCode = code;
                return this;
            },
            header(name, value) {
                res.setHeader(name, value);
                return this;
            },
            send(payload) {
                if (payload !== undefined && payload !== null) {
                    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
                    if (typeof payload !== 'string') {
                        res.setHeader('Content-Type', 'application/json');
                    }
                    res.write(text);
                }
                return this;
            },
            end() {
                res.end();
                return this;
            },
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
