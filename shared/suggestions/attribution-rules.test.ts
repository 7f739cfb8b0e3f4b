// The attribution rules added for issue 7's speaker target, one hand-written case each, with the
// cases where they must not fire (two candidate speakers, a new participant, another paragraph).
import { describe, expect, it } from 'vitest';
import { suggest } from './suggest.js';

const quotes = (text: string) => suggest(text, { tags: ['quote'] });
const speakers = (text: string) => quotes(text).map((q) => q.attributes.speaker);
const claimants = (text: string) => suggest(text, { tags: ['claim'] }).map((c) => c.attributes.claimant);

describe('subject continuity for he/she (same paragraph)', () => {
  it('takes the subject of the previous sentence over a man named in its reported clause', () => {
    const text = 'Walter Jones said he regretted Richard Hughes had made a personal attack. “He is wrong to do this,” he said.';
    const [q] = quotes(text);
    expect(q!.attributes.speaker).toBe('Walter Jones');
    expect(q!.rule).toContain('he → Walter Jones');
  });

  it('takes the subject of the previous sentence when it is not a speaker', () => {
    const text = 'Walter Jones, unhappy with the format, saved his barbs for James Mitchell. He said Mitchell is against the centralization of government.';
    expect(claimants(text)).toEqual(['Walter Jones']);
  });

  it('does not fire when the previous sentence has two subjects', () => {
    const text = 'Mr Walter Jones and Mr James Mitchell met the mayor on Monday. “We agreed on everything,” he said.';
    expect(speakers(text)).toEqual([undefined]);
  });

  it('does not fire across a paragraph break', () => {
    const text = 'Walter Jones said he regretted Richard Hughes had made a personal attack.\n\n“He is wrong to do this,” he said.';
    expect(speakers(text)).toEqual([undefined]);
  });

  it('does not fire when another man is named before the pronoun in its own sentence', () => {
    const text = 'Walter Jones said the talks had failed. Asked about James Mitchell, he said “nothing more can be done here.”';
    expect(speakers(text)).toEqual([undefined]);
  });
});

describe('names inside quotation marks do not compete with the speaker', () => {
  it('a name in the quote does not block `he`', () => {
    const text = 'Mr Walter Jones spoke at the club.\n\n“I told Richard Hughes to stop,” he said.';
    expect(speakers(text)).toEqual(['Walter Jones']);
  });
});

describe('initials alone are not a person', () => {
  it('`Washington, D. C.` does not stand between a speaker and `he`', () => {
    const text = 'Edwin Martin, who has been in office in Washington, D. C., for 13 months spoke at the meeting.\n\n“We must be patient,” he said.';
    expect(speakers(text)).toEqual(['Edwin Martin']);
  });
});

describe('role descriptions', () => {
  it('`the assistant secretary` → the person introduced with that role in an appositive', () => {
    const text = 'Edwin Martin, assistant secretary of state for economic affairs, spoke on Monday.\n\nThe council met later.\n\n“We must be patient,” the assistant secretary said.';
    expect(speakers(text)).toEqual(['Edwin Martin']);
  });

  it('`the former … judge` with no judge introduced → the person who spoke just before', () => {
    const text = 'Richard Hughes said the campaign would be clean. He urged voters to “support the courageous actions of President Kennedy”.\n\n“We must keep the state clean”, the former Superior Court judge said.';
    const list = quotes(text);
    expect(list.map((q) => q.attributes.speaker)).toEqual(['Richard Hughes', 'Richard Hughes']);
    expect(list[1]!.rule).toContain('former Superior Court judge → Richard Hughes');
  });

  it('a description stays as written when another person was named since the last speaker', () => {
    const text = 'Richard Hughes said the campaign would be clean. Walter Jones arrived later.\n\n“We must keep the state clean”, the former Superior Court judge said.';
    expect(speakers(text)).toEqual(['former Superior Court judge']);
  });

  it('a new participant described by a plain role (`the young lady`) is not taken for the last speaker', () => {
    const text = '“Come here,” said Mr Winterbourne.\n\n“I will not,” said the young lady.';
    expect(speakers(text)).toEqual(['Winterbourne', 'young lady']);
  });

  it('a description with a participle after it: the noun phrase before it', () => {
    const text = 'The taxi driver taking the visitor from the airport remarks that politicians are “all the same, every one of them”.';
    expect(speakers(text)).toEqual(['taxi driver']);
  });
});

describe('subjects the clause does not show next to the cue', () => {
  it('a relative clause with no closing comma: its antecedent (`X, who retired in 1955 said`)', () => {
    const text = 'Mr. George Reama, who retired as vice president of the company in 1955 said, “Both parties told us nothing.”';
    expect(speakers(text)).toEqual(['George Reama']);
  });

  it('a second predicate after a comma: the subject the sentence starts with (`He cited …, and added`)', () => {
    const text = 'Edwin Martin spoke first.\n\nHe cited East Germany as an example, and added, “so long as people rebel, we must not give up”.';
    expect(speakers(text)).toEqual(['Edwin Martin']);
  });

  it('`X, who … “…”, said, “…”`: the subject the sentence starts with, for both quotes', () => {
    const text = 'Mrs. Ruth Molvar, who kept reiterating her request that they “please take a stand now”, said, “We must have faith in somebody.”';
    expect(speakers(text)).toEqual(['Ruth Molvar', 'Ruth Molvar']);
  });

  it('a speech noun with its author: `a remark by X, …, that “…”`', () => {
    const text = 'The senators disagreed on a remark by Richard J. Hughes, Democratic candidate, that the GOP is “campaigning on the carcass of Eisenhower Republicanism”.';
    expect(speakers(text)).toEqual(['Richard J. Hughes']);
  });

  it('`it` with no group speaker: the document the previous sentence starts with', () => {
    const text = 'The resolution, which Barber filed on Friday, will be read Monday. It says that “in the event Congress does provide the funds” teachers come first.';
    expect(speakers(text)).toEqual(['resolution']);
  });

  it('`it` does not take a previous subject that is not a group or document', () => {
    const text = 'The weather was poor on Monday. It says that “in the event Congress does provide the funds” teachers come first.';
    expect(speakers(text)).toEqual([undefined]);
  });
});

describe('run-in headlines and datelines', () => {
  it('a headline before the subject: the name right before the past-tense verb', () => {
    const text = 'Decries joblessness Mitchell decried the rate of unemployment and said the Senate “must share the blame for this”.';
    expect(speakers(text)).toEqual(['Mitchell']);
  });

  it('a dateline glued to `The`: `Washington The Kennedy administration` names Kennedy, not “Washington The Kennedy”', () => {
    const text = 'Washington The Kennedy administration moves slowly.\n\nThe President has also called upon the Congress to act “in the development of a program of federal leadership”. President John F. Kennedy said so.';
    expect(speakers(text)[0]).not.toMatch(/Washington/);
  });

  it('a possessive at the end of a run keeps the owner: `Gov. Price Daniel’s act` names Price Daniel', () => {
    const text = 'Committee approval of Gov. Price Daniel\'s act seemed certain.\n\nDaniel said “the measure is extremely conservative”.';
    expect(speakers(text)).toEqual(['Price Daniel']);
  });
});
