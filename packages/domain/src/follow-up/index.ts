export * from './follow-up';
export * from './errors';
export {
  followUpTaskFor,
  recordFollowUpCall,
  scoreSurvey,
  lowScoreOutcome,
  stepsToScore,
  FOLLOW_UP_TEXT_MAX,
} from './decide';
