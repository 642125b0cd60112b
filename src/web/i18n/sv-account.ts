/** Swedish texts of the account pages (changing a one-time password). */
export const svAccount = {
  account: {
    title: 'Byt lösenord',
    intro: 'Du loggade in med ett engångslösenord. Välj ett eget lösenord innan du fortsätter.',
    introVoluntary: 'Välj ett nytt lösenord för ditt konto.',
    current: 'Nuvarande lösenord',
    next: 'Nytt lösenord',
    nextHint: 'Minst 12 tecken. En mening av några ord är lätt att minnas och svår att gissa.',
    submit: 'Byt lösenord',
    saving: 'Byter …',
    changed: 'Lösenordet är bytt',
    tokensRevoked_one:
      'Din API-nyckel har återkallats, eftersom den annars hade fortsatt att gälla med det gamla lösenordets inloggning. Skapa en ny om du behöver den.',
    tokensRevoked_other:
      'Dina {{count}} API-nycklar har återkallats, eftersom de annars hade fortsatt att gälla med det gamla lösenordets inloggning. Skapa nya om du behöver dem.',
    continue: 'Fortsätt',
    failed: 'Lösenordet byttes inte',
    errors: {
      current: 'Fyll i ditt nuvarande lösenord.',
      wrongCurrent: 'Det nuvarande lösenordet stämmer inte.',
      next: 'Det nya lösenordet måste ha minst 12 och högst 128 tecken.',
    },
  },
};
