//! A deterministic corpus of realistic synthetic outreach messages, for
//! benchmarks and for timing the CLI: subjects, greetings (two thirds with
//! non-ASCII names), openers, asks, offers, placeholders, escape clauses,
//! reproaches, closings, signatures, P.S. lines and quoted replies. The same
//! seed always gives the same messages.

#![allow(dead_code)]

/// splitmix64: small, fast, deterministic.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const ASCII_NAMES: &[&str] = &["Sam", "Priya", "Jordan", "Dana", "Alex", "Mei", "Femi", "Chris", "Taylor", "Omar"];
const OTHER_NAMES: &[&str] = &[
    "Zoë",
    "José",
    "Łukasz",
    "Ségolène",
    "Björn",
    "Nuño",
    "Çağla",
    "Dvořák",
    "Søren",
    "Anaïs",
    "Jürgen",
    "Małgorzata",
    "Ngozi Ọkafọr",
    "Thảo",
    "Ólafur",
    "Renée",
];
const COMPANIES: &[&str] =
    &["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Lumen", "Stripe", "Zürich Re", "Café Nube"];
const SUBJECTS: &[&str] = &[
    "Quick question",
    "Intro to {company}?",
    "Your talk on pricing",
    "Following up on our chat",
    "Coffee next week?",
    "Re: onboarding benchmarks",
    "Idea for {company}'s onboarding",
    "{first_name}, 15 minutes?",
    "Thanks for the intro",
    "Checking in",
];
const GREETINGS: &[&str] =
    &["Hi {name},", "Hello {name},", "Dear {name},", "Hey {name} —", "Hi {first_name},", "{name},"];
const OPENERS: &[&str] = &[
    "I loved your talk on pricing and packaging at SaaStr — the part about annual plans changed how we think about discounts.",
    "I read your post on onboarding last week and shared it with the whole team.",
    "I hope this email finds you well.",
    "I'm reaching out because we help finance teams close their books three days faster with automated reconciliation.",
    "Per my last email, I'm still waiting on the deck.",
    "As I mentioned before, we've been trying to reach you about {company}'s renewal.",
    "Congrats on the launch of offline sync; the changelog was a joy to read.",
    "We met briefly at the summit in Lisbon, where you spoke about hiring your first ten engineers.",
    "I just wanted to circle back on the proposal I sent over.",
    "Our platform is the leading AI-powered, best-in-class solution for revenue teams.",
];
const ASKS: &[&str] = &[
    "Could you introduce me to Dana at {company}?",
    "Would you be open to a 15-minute call next Tuesday?",
    "Could you share the slides from your talk?",
    "I'd love your feedback on our onboarding flow.",
    "Can I pick your brain about hiring sometime this month?",
    "Would you review my portfolio this week?",
    "Please let me know ASAP.",
    "Do you have time for a quick chat?",
];
const ESCAPES: &[&str] = &[
    "No worries at all if the timing's wrong.",
    "If it's not a fit, no problem at all.",
    "Totally fine to pass if you're swamped.",
];
const OFFERS: &[&str] = &[
    "Happy to send over the benchmark we ran across 40 teams.",
    "I can share the teardown we did of your signup flow, no strings attached.",
    "If useful, I'll send a two-paragraph summary first.",
];
const CLOSINGS: &[&str] = &["Best,", "Thanks,", "Cheers,", "Warm regards,", "Thanks in advance,", "All the best,"];
const SIGNATURES: &[&str] = &[
    "Ana Ruiz\nHead of Growth, Lumen\n+1 555 0100",
    "Jo\n--\nJo Martín · Founder · https://example.com",
    "Kenji Watanabe\nSent from my iPhone",
    "Ana",
];

fn fill(template: &str, rng: &mut Rng) -> String {
    let name = if rng.chance(66) { rng.pick(OTHER_NAMES) } else { rng.pick(ASCII_NAMES) };
    let company = rng.pick(COMPANIES);
    let mut out = template.replace("{name}", name).replace("{company}", company);
    // Leave a placeholder unfilled now and then, as in saved templates.
    if !rng.chance(20) {
        out = out.replace("{first_name}", name);
    }
    out
}

/// One message.
pub fn message(rng: &mut Rng) -> String {
    let mut out = String::with_capacity(1024);
    if rng.chance(70) {
        out.push_str("Subject: ");
        out.push_str(&fill(rng.pick(SUBJECTS), rng));
        out.push('\n');
        if rng.chance(50) {
            out.push_str(&fill("To: {name} <someone@example.com>\n", rng));
        }
        out.push('\n');
    }
    out.push_str(&fill(rng.pick(GREETINGS), rng));
    out.push_str("\n\n");
    for _ in 0..=rng.below(2) {
        out.push_str(&fill(rng.pick(OPENERS), rng));
        out.push(' ');
    }
    out.push_str(&fill(rng.pick(OPENERS), rng));
    out.push_str("\n\n");
    if rng.chance(50) {
        out.push_str(rng.pick(OFFERS));
        out.push(' ');
    }
    out.push_str(&fill(rng.pick(ASKS), rng));
    if rng.chance(40) {
        out.push(' ');
        out.push_str(rng.pick(ESCAPES));
    }
    out.push_str("\n\n");
    out.push_str(rng.pick(CLOSINGS));
    out.push('\n');
    out.push_str(rng.pick(SIGNATURES));
    out.push('\n');
    if rng.chance(15) {
        out.push_str("\nP.S. Congrats on the Series B!\n");
    }
    if rng.chance(25) {
        out.push_str(&fill(
            "\nOn Tue, Mar 3, 2026 at 9:12 AM {name} <x@example.com> wrote:\n> Thanks for reaching out. Per my last email, send me a short blurb.\n> Best,\n> {name}\n",
            rng,
        ));
    }
    out
}

/// `n` messages from `seed`.
pub fn messages(n: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| message(&mut rng)).collect()
}

/// One message of about `size` bytes, all of it the writer's prose (the
/// worst case for a large file): a greeting, paragraphs of openers, offers,
/// asks and escape clauses, a closing.
pub fn long_text(size: usize) -> String {
    const CLOSING: &str = "\n\nBest,\nAna\n";
    let mut rng = Rng::new(size as u64);
    let mut out = String::with_capacity(size + 4096);
    out.push_str("Hi Sam,\n\n");
    while out.len() + CLOSING.len() < size {
        for _ in 0..=rng.below(3) {
            out.push_str(&fill(rng.pick(OPENERS), &mut rng));
            out.push(' ');
        }
        if rng.chance(50) {
            out.push_str(rng.pick(OFFERS));
            out.push(' ');
        }
        out.push_str(&fill(rng.pick(ASKS), &mut rng));
        if rng.chance(40) {
            out.push(' ');
            out.push_str(rng.pick(ESCAPES));
        }
        out.push_str("\n\n");
    }
    out.push_str(CLOSING);
    out
}

/// Write `n` messages as `.txt` files under `dir` (100 per folder).
pub fn write_folder(dir: &std::path::Path, n: usize, seed: u64) -> std::io::Result<u64> {
    let mut bytes = 0;
    for (i, text) in messages(n, seed).iter().enumerate() {
        let sub = dir.join(format!("batch-{:03}", i / 100));
        std::fs::create_dir_all(&sub)?;
        std::fs::write(sub.join(format!("message-{i:05}.txt")), text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

/// Write `n` messages as one CSV file (`id,subject,body`).
pub fn write_csv(path: &std::path::Path, n: usize, seed: u64) -> std::io::Result<u64> {
    let mut out = String::from("id,subject,body\n");
    for (i, text) in messages(n, seed).iter().enumerate() {
        let (subject, body) = match text.strip_prefix("Subject: ").and_then(|t| t.split_once("\n\n")) {
            Some((headers, body)) => (headers.lines().next().unwrap_or(""), body),
            None => ("", text.as_str()),
        };
        out.push_str(&format!("{i},\"{}\",\"{}\"\n", subject.replace('"', "\"\""), body.replace('"', "\"\"")));
    }
    std::fs::write(path, &out)?;
    Ok(out.len() as u64)
}
