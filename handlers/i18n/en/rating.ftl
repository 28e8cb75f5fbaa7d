## rating

rating-ask = Please rate how we handled request #{ $number }: 1 — very poorly, 5 — excellently.
rating-star = { $n } ★
rating-how_to = Rate a done request with the buttons under the message asking for it.
rating-ask_comment = Thank you for the rating { $rating }/5! If you like, write a comment in one message, or press “Skip”.
rating-comment_hint = Write the comment as a text message, or press “Skip”.
rating-skip = Skip
rating-thanks = Thank you! Your feedback helps us work better.
rating-thanks_rating = Thank you for the rating { $rating }/5!
rating-not_yours = This request is not among yours. Nothing has changed.
rating-not_done = Request #{ $number } is not done yet: it can be rated once it is.
rating-already_rated = Request #{ $number } has already been rated ({ $rating }/5). Nothing has changed.
rating-alert = ⚠ Low rating { $rating }/5 for request #{ $number } ({ $who }). Closed by { $closed_by }.
rating-alert_comment = ⚠ Comment on the low rating { $rating }/5 for request #{ $number } ({ $who }; closed by { $closed_by }):
rating-sorry = We are sorry we let you down (rating { $rating }/5). Tell us in one message what went wrong — the managers will read it. You can also reopen the request or talk to a manager.
rating-reopen = Reopen the request
rating-talk_to_manager = Talk to a manager
rating-thanks_low = Thank you for telling us. The managers already know and will look into it.
rating-noted_low = Rating { $rating }/5 recorded. We are sorry — the managers already know.
