/** @jest-environment jsdom */
import { render, screen } from '../../../tests/render';
import { ApprovalHistory } from './ApprovalHistory';
import { ApprovedTextDiff } from './ApprovedTextDiff';
import { FourEyesNotice } from './FourEyesNotice';
import { QuoteInParagraph } from './QuoteInParagraph';

describe('QuoteInParagraph', () => {
  it('marks the quote inside its paragraph', () => {
    const { container } = render(
      <QuoteInParagraph
        paragraph={{ before: 'He said “', match: 'Moscow acted', after: '” today.' }}
      />
    );
    expect(container.querySelector('mark')?.textContent).toBe('Moscow acted');
    expect(container.textContent).toBe('He said “Moscow acted” today.');
  });

  it('says, by the field’s label, that the body does not hold the quote', () => {
    render(<QuoteInParagraph paragraph={null} />, { locale: 'fr' });
    expect(screen.getByText(/Le Corps de l’article ne contient pas cette citation/)).toBeTruthy();
  });
});

describe('ApprovedTextDiff', () => {
  it('shows the words removed and added since the approval', () => {
    const { container } = render(
      <ApprovedTextDiff approvedText="Moscow wanted Trump" quote="Moscow preferred Trump" />
    );
    expect(container.querySelector('del')?.textContent).toBe('wanted');
    expect(container.querySelector('ins')?.textContent).toBe('preferred');
  });

  it('says when the text is unchanged and something else voided the approval', () => {
    render(<ApprovedTextDiff approvedText="Same" quote="Same" />);
    expect(screen.getByText(/reads as approved: its Attribution/)).toBeTruthy();
  });

  it('says when the text approved was not kept', () => {
    render(<ApprovedTextDiff approvedText={null} quote="Any" />);
    expect(screen.getByText(/was not kept/)).toBeTruthy();
  });
});

describe('ApprovalHistory', () => {
  it('lists each decision with who, the quote and the comment', () => {
    render(
      <ApprovalHistory
        history={[
          {
            quoteIndex: 0,
            decision: 'rejected',
            quote: 'Moscow acted',
            comment: 'Name the agency',
            decidedBy: 'Dana Scully',
            decidedAt: '2026-03-01T10:00:00.000Z',
          },
          {
            quoteIndex: 1,
            decision: 'approved',
            quote: 'Tehran acted',
            comment: null,
            decidedBy: null,
            decidedAt: '2026-02-28T10:00:00.000Z',
          },
        ]}
      />
    );
    expect(screen.getByText('Rejected')).toBeTruthy();
    expect(screen.getByText(/Quote 1, by Dana Scully/)).toBeTruthy();
    expect(screen.getByText(/Quote 2, by someone/)).toBeTruthy();
    expect(screen.getByText('Comment: Name the agency')).toBeTruthy();
    expect(screen.getByText('“Tehran acted”')).toBeTruthy();
  });

  it('says when nobody has decided yet', () => {
    render(<ApprovalHistory history={[]} />, { locale: 'fr' });
    expect(screen.getByText(/Aucun responsable de la déontologie/)).toBeTruthy();
  });
});

describe('FourEyesNotice', () => {
  it('says why the editor may not decide, in their language', () => {
    render(<FourEyesNotice decision={{ mayDecide: false, reason: 'edited-last' }} />, {
      locale: 'fr',
    });
    expect(screen.getByText(/Vous avez enregistré cet article en dernier/)).toBeTruthy();
    expect(screen.getByText('Double regard')).toBeTruthy();
  });

  it('shows nothing to an editor who may decide', () => {
    render(<FourEyesNotice decision={{ mayDecide: true, reason: null }} />);
    expect(screen.queryByText('Four eyes')).toBeNull();
  });
});
